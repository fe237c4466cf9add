using System.Globalization;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The schedule must-show on the real silo process: a 6-field every-2-seconds schedule fires, the process is killed
/// with SIGKILL across two or more instants and restarted on the same data; the outage yields exactly one execution
/// (misfire policy <c>fireOnce</c>) and no instant ever fires twice.
/// </summary>
public sealed class ScheduleTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KillAcrossTwoInstants_Restart_OutageFiresOnceAndNoInstantTwice()
    {
        string workflowId;
        string token;
        DateTimeOffset killedAt;
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            token = await silo.SignInAsync();
            workflowId = (await Api.CreateWorkflowAsync(silo.Client, EveryTwoSeconds()))["id"]!.GetValue<string>();
            using var activated = await silo.Client.PostAsync($"/api/workflows/{workflowId}/activate", null);
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
            await WaitForAsync(async () => (await ScheduledInstantsAsync(silo.Client, workflowId)).Count >= 2, TimeSpan.FromSeconds(20));
            await silo.KillAsync();
            killedAt = DateTimeOffset.UtcNow;
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var restartedAt = DateTimeOffset.UtcNow;
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            silo.UseToken(token);
            await Task.Delay(TimeSpan.FromSeconds(6));
            using var paused = await silo.Client.PostAsync($"/api/workflows/{workflowId}/pause", null);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var instants = await ScheduledInstantsAsync(silo.Client, workflowId, waitForAll: true);

            Assert.Contains("missed", silo.Log, StringComparison.Ordinal);
            Assert.True(instants.Count == instants.Distinct().Count(), $"an instant fired twice: {string.Join(", ", instants)}");
            var sorted = instants.Order().ToList();
            var last = sorted.Last(i => i <= killedAt);
            var after = sorted.Where(i => i > last).ToList();
            Assert.True(after.Count >= 2, $"the schedule did not continue after the restart: {string.Join(", ", sorted)}");
            var caughtUp = after[0];
            // Every instant between the last one fired before the kill and the caught-up one was missed while down…
            var missed = (int)((caughtUp - last) / Period) - 1;
            Assert.True(missed >= 2, $"expected two or more missed instants between {last:O} and {caughtUp:O}");
            Assert.True(caughtUp >= restartedAt - Period, $"the catch-up instant {caughtUp:O} is not the most recent missed one");
            // …and produced exactly one execution (fireOnce); afterwards every instant fires once, on time.
            Assert.Single(sorted, i => i > last && i <= caughtUp);
            for (var i = 1; i < after.Count; i++)
            {
                Assert.True(after[i] - after[i - 1] == Period, $"gap or duplicate after the restart: {string.Join(", ", after)}");
            }
        }
    }

    private static JsonObject EveryTwoSeconds() => Document("schedule-" + Guid.NewGuid().ToString("N")[..8],
        [Node("tick", "trigger", new JsonObject { ["kind"] = "schedule", ["cron"] = "*/2 * * * * *", ["timezone"] = "UTC" }),
         Node("echo", "transform", new JsonObject { ["code"] = "return trigger.scheduledAt;" })],
        [Edge("tick", "echo")]);

    /// <summary>Each execution's scheduled instant, from the trigger node's output.</summary>
    private static async Task<List<DateTimeOffset>> ScheduledInstantsAsync(HttpClient client, string workflowId, bool waitForAll = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (instants, pending) = await ReadInstantsAsync(client, workflowId);
            if (!waitForAll || pending == 0)
            {
                return instants;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{pending} scheduled executions did not run their trigger node");
            await Task.Delay(200);
        }
    }

    private static async Task<(List<DateTimeOffset> Instants, int Pending)> ReadInstantsAsync(HttpClient client, string workflowId)
    {
        var pending = 0;
        var list = JsonNode.Parse(await client.GetStringAsync($"/api/executions?workflowId={workflowId}&limit=200"))!;
        var instants = new List<DateTimeOffset>();
        foreach (var item in list["items"]!.AsArray())
        {
            var execution = await Api.GetExecutionAsync(client, item!["id"]!.GetValue<string>());
            Assert.Equal("schedule", execution["triggeredBy"]!.GetValue<string>());
            // The history lists an execution as soon as it starts; one whose trigger node has not run yet has no instant to read.
            if (Api.Node(execution, "tick")["output"]?["scheduledAt"]?.GetValue<string>() is not { } scheduledAt)
            {
                pending++;
                continue;
            }
            instants.Add(DateTimeOffset.Parse(scheduledAt, CultureInfo.InvariantCulture));
        }
        return (instants, pending);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for scheduled executions");
            await Task.Delay(200);
        }
    }
}
