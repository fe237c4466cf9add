using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Abstractions.Triggers.Schedules;
using Workflow.Grains.Abstractions.Workflows;
using Workflow.Grains.Tests.Storage;
using Workflow.Grains.Triggers.Schedules;

namespace Workflow.Grains.Tests.Schedules;

/// <summary>
/// Failover of schedule triggers across three silos sharing one SQLite file: the silo hosting two schedules (one
/// <c>fireOnce</c>, one <c>skip</c>) is killed with an instant in flight, the schedules' reminder brings them back on a
/// survivor, and the execution history shows one execution per fired instant (the one in flight included), the
/// outage handled by the misfire policy, and the schedules firing on afterwards.
/// </summary>
/// <remarks>
/// The reminder that revives a schedule ticks every minute from the moment the schedule started (the grain's own
/// period, not a test setting), so the test takes a little over a minute: that tick is the takeover.
/// </remarks>
public sealed partial class ScheduleFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "failover";
    private const string NodeId = "tick";
    private const string Cron = "*/2 * * * * *";
    private const short SiloCount = 3;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly SqliteTestDirectory _directory = new();
    private readonly ScheduleLogSink _log = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) => ScheduleFailoverSilo.Configure(silo, options.SiloName, _directory.Path, _log));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is { } cluster) // null when InitializeAsync failed before building it
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
        _directory.Dispose();
    }

    [Fact]
    public async Task KillSiloHostingSchedules_SurvivorTakesOver_OneExecutionPerInstantAndOutageFollowsMisfirePolicy()
    {
        var fireOnce = new Schedule(Guid.NewGuid(), "fireOnce");
        var skip = new Schedule(Guid.NewGuid(), "skip");
        var since = DateTimeOffset.UtcNow;
        await ActivateAsync(fireOnce);
        await ActivateAsync(skip);

        // Both schedules on the silo about to be killed: where the first one landed, the second one moved there.
        var victim = await Poll.UntilAsync(() => HostOfAsync(fireOnce), "the fireOnce schedule is not active anywhere");
        var skipHost = await Poll.UntilAsync(() => HostOfAsync(skip), "the skip schedule is not active anywhere");
        output.WriteLine($"fireOnce on {victim}, skip on {skipHost}");
        if (skipHost != victim)
        {
            await _cluster.MigrateAsync(skip.GrainId, victim);
        }
        Assert.Equal(victim, await Poll.UntilAsync(async () => await HostOfAsync(skip) is { } host && host == victim ? host : null, "the skip schedule did not move to the victim"));
        var victimSilo = _cluster.GetSiloForAddress(victim)!;
        var survivor = _cluster.Silos.First(s => s.SiloAddress != victim);
        var history = survivor.SiloHost.Services.GetRequiredService<IExecutionHistoryStore>();

        await Poll.UntilAsync(async () => (await ReadAsync(history, fireOnce, since)).Instants.Count >= 3 && (await ReadAsync(history, skip, since)).Instants.Count >= 3,
            "the schedules did not fire three instants before the kill");

        // Kill with the next instant in flight: its execution started and recorded, the schedules' write marking it done held.
        var victimStorage = victimSilo.SiloHost.Services.GetRequiredService<CrashableGrainStorage>();
        victimStorage.HoldScheduleWrites();
        var inFlight = await Poll.UntilAsync(async () => victimStorage.Held.Count == 2 && await HistoryHasAsync(history, since, victimStorage, fireOnce, skip)
            ? victimStorage.Held : null, "the schedules did not fire an instant with their writes held");
        victimStorage.Crash();
        await _cluster.KillSiloAsync(victimSilo);
        var killedAt = DateTimeOffset.UtcNow;

        // The reminder is the only thing that can wake the schedules again: its first tick after the kill bounds the takeover.
        var reminders = survivor.SiloHost.Services.GetRequiredService<IReminderTable>();
        var fireOnceTakeover = await NextReminderTickAsync(reminders, fireOnce, killedAt);
        var skipTakeover = await NextReminderTickAsync(reminders, skip, killedAt);
        var takeover = fireOnceTakeover > skipTakeover ? fireOnceTakeover : skipTakeover;
        await Poll.UntilAsync(async () => (await ReadAsync(history, fireOnce, since)).Instants.Count(i => i > killedAt) >= 3
                                     && (await ReadAsync(history, skip, since)).Instants.Count(i => i > killedAt) >= 3,
            "the schedules did not fire three instants on the survivors", takeover - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(40));

        var fireOnceHost = await Poll.UntilAsync(() => HostOfAsync(fireOnce), "the fireOnce schedule is not active after the kill");
        skipHost = await Poll.UntilAsync(() => HostOfAsync(skip), "the skip schedule is not active after the kill");
        output.WriteLine($"killed {victim} at {killedAt:HH:mm:ss.fff}, reminder ticks {fireOnceTakeover:HH:mm:ss.fff} (fireOnce), {skipTakeover:HH:mm:ss.fff} (skip); now fireOnce on {fireOnceHost}, skip on {skipHost}");
        await PauseAsync(fireOnce);
        await PauseAsync(skip);
        await Poll.UntilAsync(async () => await FlushAsync() && (await ReadAsync(history, fireOnce, since)).After(killedAt).All(r => r.Status == "completed")
                                     && (await ReadAsync(history, skip, since)).After(killedAt).All(r => r.Status == "completed"),
            "the executions started on the survivors did not complete");

        Assert.NotEqual(victim, fireOnceHost);
        Assert.NotEqual(victim, skipHost);
        Assert.Contains(fireOnceHost, _cluster.Silos.Select(s => s.SiloAddress));
        Assert.Contains(skipHost, _cluster.Silos.Select(s => s.SiloAddress));
        foreach (var line in _log.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Workflow.", StringComparison.Ordinal)))
        {
            output.WriteLine($"{line.At:HH:mm:ss.fff} {line.Silo} {line.Level} {line.Category}: {line.Message}");
        }
        // Moving the skip schedule logs that its state (JSON-persisted, no Orleans serializer) could not travel with it;
        // the new activation reads it from the file instead. Any other storage warning means the shared file failed.
        var storageProblems = _log.Lines.Where(l => l.Silo != victimSilo.Name && l.Level >= LogLevel.Warning && l.Category.Contains("Storage", StringComparison.Ordinal)
                                                    && !l.Message.StartsWith("Failed to dehydrate state", StringComparison.Ordinal));
        Assert.Empty(storageProblems.Select(l => $"{l.Silo} {l.Category}: {l.Message}"));
        await AssertOutageAsync(history, fireOnce, since, killedAt, inFlight[fireOnce.GrainId]!.Value, victimSilo.Name, fireOnceTakeover);
        await AssertOutageAsync(history, skip, since, killedAt, inFlight[skip.GrainId]!.Value, victimSilo.Name, skipTakeover);
    }

    /// <summary>
    /// Reads the history of one schedule and checks it: every execution is the one of a scheduled instant, the
    /// instants before the kill and after the takeover fire one after the other, and the outage in between yields
    /// exactly the execution its misfire policy asks for.
    /// </summary>
    private async Task AssertOutageAsync(IExecutionHistoryStore history, Schedule schedule, DateTimeOffset since, DateTimeOffset killedAt,
        DateTimeOffset inFlight, string victimName, DateTimeOffset takeover)
    {
        var executions = await ReadAsync(history, schedule, since);
        var all = string.Join(", ", executions.Instants.Select(i => i.ToString("HH:mm:ss")));
        output.WriteLine($"{schedule.Misfire}: {all}");
        Assert.True(executions.Unmatched.Count == 0,
            $"{schedule.Misfire}: executions that are not the one of a scheduled instant: {string.Join(", ", executions.Unmatched.Select(r => r.Id))}");
        Assert.All(executions.Records, r => Assert.Equal("schedule", r.TriggeredBy));
        Assert.Equal(executions.Instants.Count, executions.Instants.Distinct().Count());

        var before = executions.Instants.Where(i => i <= killedAt).ToList();
        var after = executions.Instants.Where(i => i > killedAt).ToList();
        Assert.True(before.Count >= 3 && after.Count >= 3, $"{schedule.Misfire}: too few instants around the kill at {killedAt:HH:mm:ss.fff}: {all}");
        AssertConsecutive(schedule, before, all);
        AssertConsecutive(schedule, after, all);

        // Instants strictly between the last one fired before the kill and the first one fired after it: the outage.
        var missed = (int)((after[0] - before[^1]) / Period) - 1;
        Assert.True(missed >= 5, $"{schedule.Misfire}: the outage spans only {missed} instants: {all}");

        // The instant in flight at the kill kept its one execution, and was not recorded as done.
        Assert.Equal(inFlight, before[^1]);

        // The survivor logged the misfire decision when it woke the schedule: the outage and the instant in flight.
        var woke = _log.Lines.FirstOrDefault(l => l.At > killedAt && l.Silo != victimName && l.Message.Contains(schedule.Key, StringComparison.Ordinal)
                                                  && l.Message.Contains(" missed ", StringComparison.Ordinal));
        Assert.True(woke is not null, $"{schedule.Misfire}: no survivor logged the missed instants");
        output.WriteLine($"{schedule.Misfire}: {woke.Silo} at {woke.At:HH:mm:ss.fff}: {woke.Message}");
        Assert.Contains(schedule.Misfire, woke.Message, StringComparison.OrdinalIgnoreCase);
        var loggedMissed = int.Parse(MissedCount().Match(woke.Message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(loggedMissed == missed + 1, $"{schedule.Misfire}: logged {loggedMissed} missed, the history shows {missed} and {inFlight:HH:mm:ss} in flight: {all}");

        // The schedule was woken at or after the reminder tick, so the latest instant due then is at least this one
        // (a little slack in case the reminder timer fires a few milliseconds early).
        var latestDueAtTakeover = LatestInstantAtOrBefore(takeover - TimeSpan.FromMilliseconds(250));
        if (schedule.Misfire == "fireOnce")
        {
            // One catch-up, for the latest missed instant: already due when the survivor woke the schedule.
            Assert.True(after[0] >= latestDueAtTakeover && after[0] <= woke.At,
                $"fireOnce: the first instant after the kill, {after[0]:HH:mm:ss}, is not the catch-up of the outage (takeover at {takeover:HH:mm:ss.fff}, woken at {woke.At:HH:mm:ss.fff}): {all}");
        }
        else
        {
            // Nothing of the outage fires: the first execution after the kill is an instant after the takeover.
            Assert.True(after[0] >= latestDueAtTakeover + Period,
                $"skip: the instant {after[0]:HH:mm:ss} of the outage fired (takeover at {takeover:HH:mm:ss.fff}): {all}");
        }
    }

    private static void AssertConsecutive(Schedule schedule, List<DateTimeOffset> instants, string all)
    {
        for (var i = 1; i < instants.Count; i++)
        {
            Assert.True(instants[i] - instants[i - 1] == Period, $"{schedule.Misfire}: gap between {instants[i - 1]:HH:mm:ss} and {instants[i]:HH:mm:ss}: {all}");
        }
    }

    private static DateTimeOffset LatestInstantAtOrBefore(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (seconds % (long)Period.TotalSeconds));
    }

    /// <summary>Whether the history lists the execution of the instant each held schedule fired.</summary>
    private static async Task<bool> HistoryHasAsync(IExecutionHistoryStore history, DateTimeOffset since, CrashableGrainStorage storage, params Schedule[] schedules)
    {
        foreach (var schedule in schedules)
        {
            if (!storage.Held.TryGetValue(schedule.GrainId, out var instant) || instant is null
                || !(await ReadAsync(history, schedule, since)).Instants.Contains(instant.Value))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes the history rows every live silo still holds in memory.</summary>
    private async Task<bool> FlushAsync()
    {
        foreach (var silo in _cluster.Silos)
        {
            await silo.SiloHost.Services.GetRequiredService<IExecutionHistoryStore>().FlushAsync();
        }
        return true;
    }

    private static async Task<DateTimeOffset> NextReminderTickAsync(IReminderTable reminders, Schedule schedule, DateTimeOffset after)
    {
        var reminder = Assert.Single((await reminders.ReadRows(schedule.GrainId)).Reminders);
        var start = new DateTimeOffset(DateTime.SpecifyKind(reminder.StartAt, DateTimeKind.Utc));
        var ticks = Math.Max(0, (long)Math.Floor((after - start) / reminder.Period) + 1);
        return start + (reminder.Period * ticks);
    }

    private static Task<ScheduledExecutions> ReadAsync(IExecutionHistoryStore history, Schedule schedule, DateTimeOffset since) =>
        ScheduledExecutions.ReadAsync(history, Tenant, schedule.WorkflowId, NodeId, Cron, since - Period, DateTimeOffset.UtcNow + Period);

    /// <summary>The silo holding the schedule's activation, read from the silos' statistics (which activate nothing).</summary>
    private async Task<SiloAddress?> HostOfAsync(Schedule schedule)
    {
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var hosts = statistics.Where(s => s.GrainId == schedule.GrainId).Select(s => s.SiloAddress).ToList();
        Assert.True(hosts.Count <= 1, $"the {schedule.Misfire} schedule is active on {hosts.Count} silos at once");
        return hosts.SingleOrDefault();
    }

    private async Task ActivateAsync(Schedule schedule)
    {
        var workflow = _cluster.Client.GetGrain<IWorkflowGrain>(GrainKeys.For(Tenant, schedule.WorkflowId));
        var created = await workflow.CreateAsync(schedule.DocumentJson());
        Assert.True(created.Ok, created.ToString());
        var activated = await workflow.SetStatusAsync("active");
        Assert.True(activated.Ok, activated.ToString());
    }

    private async Task PauseAsync(Schedule schedule)
    {
        var paused = await _cluster.Client.GetGrain<IWorkflowGrain>(GrainKeys.For(Tenant, schedule.WorkflowId)).SetStatusAsync("paused");
        Assert.True(paused.Ok, paused.ToString());
    }

    [GeneratedRegex(@" missed (\d+) instants")]
    private static partial Regex MissedCount();

    /// <summary>A workflow whose only trigger is a schedule every two seconds under <paramref name="Misfire"/>.</summary>
    private sealed record Schedule(Guid WorkflowId, string Misfire)
    {
        public string Key => ScheduleTriggerKeys.For(Tenant, WorkflowId, NodeId);

        public GrainId GrainId => GrainId.Create(ScheduleRecovery.GrainType, Key);

        public string DocumentJson() => new JsonObject
        {
            ["id"] = WorkflowId,
            ["name"] = $"schedule-{Misfire}-{WorkflowId:N}",
            ["definition"] = new JsonObject
            {
                ["nodes"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = NodeId,
                        ["type"] = "trigger",
                        ["config"] = new JsonObject { ["kind"] = "schedule", ["cron"] = Cron, ["timezone"] = "UTC", ["misfire"] = Misfire },
                    },
                    new JsonObject { ["id"] = "echo", ["type"] = "transform", ["config"] = new JsonObject { ["code"] = "return trigger.scheduledAt;" } }),
                ["edges"] = new JsonArray(new JsonObject { ["id"] = "e1", ["source"] = NodeId, ["target"] = "echo" }),
            },
        }.ToJsonString();
    }
}
