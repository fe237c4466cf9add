using System.Text.Json.Nodes;

namespace Workflow.EndToEnd.Tests;

/// <summary>The foundation's must-show: a real silo process killed with SIGKILL during a delay finishes the run after a restart.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KillDuringDelay_Restart_ExecutionCompletesWithEachNodeRunOnce()
    {
        string executionId;
        string token;
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            token = await silo.SignInAsync();
            var workflow = await Api.CreateWorkflowAsync(silo.Client, Workflows.CrashTest());
            executionId = await Api.StartAsync(silo.Client, workflow["id"]!.GetValue<string>(),
                new JsonObject { ["items"] = new JsonArray(1, 2, 3), ["factor"] = 10 });
            var waiting = await Api.PollAsync(silo.Client, executionId,
                e => Api.Node(e, "pause")["status"]!.GetValue<string>() == "waiting" && Api.Status(e) == "waiting", TimeSpan.FromSeconds(20));
            Assert.Equal("waiting", Api.Status(waiting));
            await silo.KillAsync();
        }

        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            // The signing key lives in the data directory, so the token from before the crash still works.
            silo.UseToken(token);
            var done = await Api.PollAsync(silo.Client, executionId, e => Api.Status(e) is "completed" or "failed", TimeSpan.FromSeconds(30));

            Assert.Equal("completed", Api.Status(done));
            var result = done["result"]!.AsObject();
            Assert.Equal(6, result["total"]!.GetValue<int>());
            Assert.Equal("[10,20,30]", result["doubled"]!.ToJsonString());
            Assert.Equal("delay", result["after"]!.GetValue<string>());
            foreach (var id in new[] { "start", "vars", "fork", "sum", "each", "join", "check", "pause", "final" })
            {
                Assert.True(Api.Node(done, id)["runs"]!.GetValue<int>() == 1, $"{id} ran {Api.Node(done, id)["runs"]} times: {done.ToJsonString()}");
            }
            Assert.Equal(3, Api.Node(done, "double")["runs"]!.GetValue<int>());
            Assert.Equal("skipped", Api.Node(done, "small")["status"]!.GetValue<string>());
        }
    }
}
