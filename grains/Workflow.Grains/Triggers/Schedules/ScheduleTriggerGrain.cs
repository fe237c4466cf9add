using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Core.Scheduling;
using Workflow.Grains.Abstractions.Triggers.Schedules;
using Workflow.Grains.Executions;

namespace Workflow.Grains.Triggers.Schedules;

/// <summary>
/// One schedule trigger. A one-shot grain timer (kept alive, interleaving so that the workflow grain can call in
/// while an execution is being started) wakes it at the next instant; a 1-minute reminder brings it back after a
/// restart. Each tick asks <see cref="CronSchedule.Plan"/> what is due since the persisted anchor, starts that
/// instant's execution under a deterministic id (so a re-fire after a crash returns the same execution) and only
/// then advances the anchor.
/// </summary>
[GrainType(ScheduleRecovery.GrainType)]
public sealed partial class ScheduleTriggerGrain(
    [PersistentState("schedule", "workflow")] IPersistentState<ScheduleTriggerState> state,
    ExecutionLauncher launcher,
    TimeProvider time,
    ILogger<ScheduleTriggerGrain> logger) : Grain, IScheduleTriggerGrain, IRemindable
{
    private const string KeepAliveReminder = "schedule";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _stateGate = new(1, 1);
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private IGrainTimer? _timer;
    private CronSchedule? _schedule;
    private int _generation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.NeedsRecovery)
        {
            Arm(time.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    public async Task<ScheduleTriggerView> StartAsync(ScheduleRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var spec = new ScheduleSpec(registration.Cron, registration.Timezone, registration.StartAt, registration.EndAt, registration.Misfire);
        var valid = CronSchedule.TryCreate(spec, out var schedule, out var error);
        var now = time.GetUtcNow();
        await _stateGate.WaitAsync();
        try
        {
            var s = state.State;
            var unchanged = s.Active && s.Error is null && (s.Cron, s.Timezone, s.StartAt, s.EndAt, s.Misfire) == (spec.Cron, spec.Timezone, spec.StartAt, spec.EndAt, spec.Misfire);
            _generation++;
            s.WorkflowVersion = registration.WorkflowVersion;
            (s.Cron, s.Timezone, s.StartAt, s.EndAt, s.Misfire) = (spec.Cron, spec.Timezone, spec.StartAt, spec.EndAt, spec.Misfire);
            s.Error = error;
            if (!unchanged)
            {
                // A (re)started schedule fires from now on, and never again for an instant it already fired.
                s.Anchor = s.LastFiredAt is { } last && last > now ? last : now;
            }
            _schedule = schedule;
            s.Active = valid;
            s.NextFireAt = schedule?.NextAfter(s.Anchor)?.ToUniversalTime();
            await state.WriteStateAsync();
        }
        finally
        {
            _stateGate.Release();
        }
        if (!valid)
        {
            LogInvalid(logger, this.GetPrimaryKeyString(), error!);
            DisarmTimer();
            await UnregisterKeepAliveAsync();
            return View();
        }
        LogStarted(logger, this.GetPrimaryKeyString(), spec.Cron!, state.State.NextFireAt);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, ReminderPeriod, ReminderPeriod);
        Arm(now);
        return View();
    }

    public async Task StopAsync()
    {
        await _stateGate.WaitAsync();
        try
        {
            _generation++;
            state.State.Active = false;
            state.State.NextFireAt = null;
            await state.WriteStateAsync();
        }
        finally
        {
            _stateGate.Release();
        }
        DisarmTimer();
        await UnregisterKeepAliveAsync();
    }

    public Task<ScheduleTriggerView> GetAsync() => Task.FromResult(View());

    public Task RecoverAsync()
    {
        if (state.State.NeedsRecovery && _timer is null)
        {
            Arm(time.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.NeedsRecovery)
        {
            await UnregisterKeepAliveAsync();
        }
        else if (_timer is null)
        {
            Arm(time.GetUtcNow());
        }
    }

    private async Task TickAsync()
    {
        await _tickGate.WaitAsync();
        try
        {
            await TickCoreAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or Orleans.Storage.InconsistentStateException or InvalidOperationException)
        {
            // The timer is one-shot: without a new one the schedule would go quiet until the next reminder tick.
            LogTickFailed(logger, e, this.GetPrimaryKeyString());
            Arm(time.GetUtcNow(), retry: true);
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private async Task TickCoreAsync()
    {
        if (!state.State.NeedsRecovery || Schedule() is not { } schedule)
        {
            return;
        }
        var generation = _generation;
        var now = time.GetUtcNow();
        var plan = schedule.Plan(state.State.Anchor, now, CronSchedule.DefaultGrace);
        if (plan.Missed > 0)
        {
            LogMissed(logger, this.GetPrimaryKeyString(), plan.Missed, schedule.Misfire);
        }
        if (plan.Fire is { } instant && !await FireAsync(instant.ToUniversalTime()))
        {
            Arm(now + RetryDelay, retry: true);
            return;
        }
        bool ended;
        await _stateGate.WaitAsync();
        try
        {
            if (generation != _generation)
            {
                // Restarted or stopped while this instant was being fired: keep only the fire time.
                if (plan.Fire is { } fired && (state.State.LastFiredAt is null || fired > state.State.LastFiredAt))
                {
                    state.State.LastFiredAt = fired.ToUniversalTime();
                    await state.WriteStateAsync();
                }
                return;
            }
            state.State.Anchor = plan.Latest?.ToUniversalTime() ?? state.State.Anchor;
            state.State.LastFiredAt = plan.Fire?.ToUniversalTime() ?? state.State.LastFiredAt;
            state.State.NextFireAt = plan.Next?.ToUniversalTime();
            ended = plan.Next is null;
            if (ended)
            {
                state.State.Active = false;
            }
            await state.WriteStateAsync();
        }
        finally
        {
            _stateGate.Release();
        }
        if (ended)
        {
            LogEnded(logger, this.GetPrimaryKeyString());
            DisarmTimer();
            await UnregisterKeepAliveAsync();
            return;
        }
        Arm(plan.Next!.Value);
    }

    /// <summary>Starts the execution of one instant; false when it should be tried again.</summary>
    private async Task<bool> FireAsync(DateTimeOffset instant)
    {
        var (tenant, workflowId, nodeId) = ScheduleTriggerKeys.Parse(this.GetPrimaryKeyString());
        var executionId = ExecutionLauncher.DeterministicId($"{tenant}:{workflowId}:{nodeId}:{instant:O}");
        try
        {
            var started = await launcher.StartAsync(tenant, workflowId, nodeId, new JsonObject { ["scheduledAt"] = instant.ToString("O") },
                "schedule", requireActive: true, executionId);
            if (started is null)
            {
                LogNotActive(logger, this.GetPrimaryKeyString(), instant);
            }
            else
            {
                LogFired(logger, this.GetPrimaryKeyString(), instant, executionId);
            }
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
        {
            LogFireFailed(logger, e, this.GetPrimaryKeyString(), instant);
            return false;
        }
    }

    private CronSchedule? Schedule()
    {
        if (_schedule is null)
        {
            var s = state.State;
            CronSchedule.TryCreate(new ScheduleSpec(s.Cron, s.Timezone, s.StartAt, s.EndAt, s.Misfire), out _schedule, out _);
        }
        return _schedule;
    }

    /// <summary>Sets the one-shot timer to <paramref name="at"/> (or now when that has passed).</summary>
    private void Arm(DateTimeOffset at, bool retry = false)
    {
        DisarmTimer();
        var due = retry ? RetryDelay : at - time.GetUtcNow();
        _timer = this.RegisterGrainTimer(static (grain, _) => grain.TickAsync(), this, new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
            Interleave = true,
        });
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task UnregisterKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ScheduleTriggerView View() => new()
    {
        Status = state.State.Error is not null ? "error" : state.State.Active ? "active" : "inactive",
        NextFireAt = state.State.Active ? state.State.NextFireAt : null,
        LastFireAt = state.State.LastFiredAt,
        Cron = state.State.Cron,
        Timezone = state.State.Timezone,
        Error = state.State.Error,
    };
}
