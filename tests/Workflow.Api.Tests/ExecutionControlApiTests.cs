using System.Net;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ExecutionControlApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Signal_WaitingNode_CompletesWithPayload_AndRepeatIs409()
    {
        var workflow = await _client.CreateWorkflowAsync(Document(Unique("approval"),
            [Trigger(), Node("approval", "wait", new JsonObject { ["timeoutSeconds"] = 3600 }),
             Node("decide", "transform", new JsonObject { ["code"] = "return nodes.approval.output.decision;" })],
            [Edge("start", "approval"), Edge("approval", "decide")]));
        var (_, waiting) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true", new JsonObject());
        var id = waiting.Str("id");

        var (signal, _) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/signals/approval", new JsonObject { ["decision"] = "approved" });
        var done = await PollAsync(id, "completed");
        var (again, problem) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/signals/approval", new JsonObject());
        var (unknown, unknownProblem) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/signals/nope", new JsonObject());

        Assert.Equal("waiting", waiting.Str("status"));
        Assert.Equal(HttpStatusCode.OK, signal.StatusCode);
        Assert.Equal("approved", done["result"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Conflict, "not_waiting"), (again.StatusCode, problem.Str("code")));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_node"), (unknown.StatusCode, unknownProblem.Str("code")));
    }

    [Fact]
    public async Task PauseThenResume_DelayedExecution_FinishesOnlyAfterResume()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.WithDelay(1));
        var (_, waiting) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true", new JsonObject());
        var id = waiting.Str("id");

        var (pause, paused) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/pause");
        await Task.Delay(1500);
        var (_, stillPaused) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{id}");
        var (resume, _) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/resume");
        var done = await PollAsync(id, "completed");
        var (again, problem) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/resume");

        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal("paused", paused.Str("status"));
        Assert.Equal("paused", stillPaused.Str("status"));
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal("after", done["result"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Conflict, "invalid_state"), (again.StatusCode, problem.Str("code")));
    }

    private async Task<JsonNode> PollAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode? last;
        do
        {
            (_, last) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{id}");
            if (last.Str("status") == status)
            {
                return last!;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException(last?.ToJsonString());
    }
}
