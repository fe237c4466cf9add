using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.EndToEnd.Tests;

/// <summary>Event triggers through the real silo process: an event starts a workflow, also after kill -9 and restart.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PostEvent_StartsActiveWorkflow_AndSubscriptionSurvivesKillAndRestart()
    {
        var type = "order.completed." + Guid.NewGuid().ToString("N")[..8];
        string token;
        string workflowId;
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            token = await silo.SignInAsync();
            workflowId = (await Api.CreateWorkflowAsync(silo.Client, EventWorkflow(type)))["id"]!.GetValue<string>();
            using (var activated = await silo.Client.PostAsync($"/api/workflows/{workflowId}/activate", null))
            {
                Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
            }

            var done = await PublishAndCompleteAsync(silo, type, 21);

            Assert.Equal(workflowId, done["workflowId"]!.GetValue<string>());
            Assert.Equal(42, done["result"]!.GetValue<int>());
            await silo.KillAsync();
        }

        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            silo.UseToken(token);

            var done = await PublishAndCompleteAsync(silo, type, 50);

            Assert.Equal(workflowId, done["workflowId"]!.GetValue<string>());
            Assert.Equal(100, done["result"]!.GetValue<int>());
            Assert.Equal("event", done["triggeredBy"]!.GetValue<string>());
        }
    }

    private static async Task<JsonObject> PublishAndCompleteAsync(SiloProcess silo, string type, int amount)
    {
        using var response = await silo.Client.PostAsJsonAsync("/api/events",
            new JsonObject { ["type"] = type, ["source"] = "e2e", ["data"] = new JsonObject { ["amount"] = amount } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        Assert.Equal(1, body["started"]!.GetValue<int>());
        var executionId = body["executionIds"]![0]!.GetValue<string>();
        var done = await Api.PollAsync(silo.Client, executionId, e => Api.Status(e) is "completed" or "failed", TimeSpan.FromSeconds(30));
        Assert.True(Api.Status(done) == "completed", done.ToJsonString());
        return done;
    }

    private static JsonObject EventWorkflow(string type) => Document("event-" + Guid.NewGuid().ToString("N")[..8],
        [
            Node("start", "trigger", new JsonObject
            {
                ["kind"] = "event", ["eventType"] = type, ["conditions"] = new JsonArray("event.data.amount > 10"),
            }),
            Node("double", "transform", new JsonObject { ["code"] = "return trigger.data.amount * 2;" }),
        ],
        [Edge("start", "double")]);
}
