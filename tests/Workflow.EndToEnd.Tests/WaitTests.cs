using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.EndToEnd.Tests;

/// <summary>A wait for a signal survives kill -9 + restart and completes on its signal; its timeout path works.</summary>
public sealed class WaitTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-wait-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Wait_SurvivesKillAndRestart_CompletesOnSignal_AndTimeoutFollowsTimeoutHandle()
    {
        string approvalId, expiringId;
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            await silo.SignInAsync();
            var approval = await Api.CreateWorkflowAsync(silo.Client, Approval(timeoutSeconds: 600));
            var expiring = await Api.CreateWorkflowAsync(silo.Client, Approval(timeoutSeconds: 2));
            approvalId = await Api.StartAsync(silo.Client, approval["id"]!.GetValue<string>(), new JsonObject());
            expiringId = await Api.StartAsync(silo.Client, expiring["id"]!.GetValue<string>(), new JsonObject());
            await Api.PollAsync(silo.Client, approvalId, e => Api.Status(e) == "waiting", TimeSpan.FromSeconds(20));
            await Api.PollAsync(silo.Client, expiringId, e => Api.Status(e) == "waiting", TimeSpan.FromSeconds(20));
            await silo.KillAsync();
        }

        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            await silo.SignInAsync();
            var stillWaiting = await Api.GetExecutionAsync(silo.Client, approvalId);
            using var signal = await silo.Client.PostAsJsonAsync($"/api/executions/{approvalId}/signals/approval", new JsonObject { ["decision"] = "approved" });
            var approved = await Api.PollAsync(silo.Client, approvalId, e => Api.Status(e) is "completed" or "failed", TimeSpan.FromSeconds(20));
            var expired = await Api.PollAsync(silo.Client, expiringId, e => Api.Status(e) is "completed" or "failed", TimeSpan.FromSeconds(20));

            Assert.Equal("waiting", Api.Status(stillWaiting));
            Assert.True(signal.IsSuccessStatusCode, await signal.Content.ReadAsStringAsync());
            Assert.Equal("completed", Api.Status(approved));
            Assert.Equal("approved: approved", approved["result"]!.GetValue<string>());
            Assert.Equal("completed", Api.Status(expired));
            Assert.Equal("expired", expired["result"]!.GetValue<string>());
            Assert.Equal("skipped", Api.Node(expired, "decide")["status"]!.GetValue<string>());
        }
    }

    private static JsonObject Approval(int timeoutSeconds) => Document(Unique("approval"),
        [
            Trigger(),
            Node("approval", "wait", new JsonObject { ["timeoutSeconds"] = timeoutSeconds }),
            Node("decide", "transform", new JsonObject { ["code"] = "return 'approved: ' + nodes.approval.output.decision;" }),
            Node("expire", "transform", new JsonObject { ["code"] = "return 'expired';" }),
        ],
        [Edge("start", "approval"), Edge("approval", "decide"), Edge("approval", "expire", "timeout")]);
}
