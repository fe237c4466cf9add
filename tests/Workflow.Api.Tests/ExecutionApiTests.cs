using System.Net;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ExecutionApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Start_Returns202WithExecutionId_AndExecutionCompletes()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.Simple());

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 21 } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.Str("executionId");
        var done = await PollAsync(id, e => e.Str("status") == "completed");
        Assert.Equal(42, done["result"]!.GetValue<int>());
        Assert.Equal(workflow.Str("id"), done.Str("workflowId"));
        Assert.Equal(1, done["workflowVersion"]!.GetValue<int>());
        Assert.Equal("manual", done.Str("triggeredBy"));
        Assert.All(done["nodes"]!.AsArray(), n => Assert.Equal("completed", n.Str("status")));
    }

    [Fact]
    public async Task StartWithWait_ReturnsTerminalExecutionObject()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.Simple());

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 5 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", body.Str("status"));
        Assert.Equal(10, body!["result"]!.GetValue<int>());
        Assert.NotNull(body["durationMs"]);
    }

    [Fact]
    public async Task Start_EditDuringRun_RunKeepsPinnedVersion()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.WithDelay(1));
        var id = workflow.Str("id");
        var (_, started) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions", new JsonObject());
        var edited = Document(workflow.Str("name"), [Trigger(), Node("other", "transform", new JsonObject { ["code"] = "return 'v2';" })], [Edge("start", "other")]);
        await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", edited, ifMatch: "1");

        var done = await PollAsync(started.Str("executionId"), e => e.Str("status") == "completed");

        Assert.Equal("after", done["result"]!.GetValue<string>());
        Assert.Equal(1, done["workflowVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancel_DelayedExecution_BecomesCancelled()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.WithDelay(300));
        var (_, started) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions", new JsonObject());
        var id = started.Str("executionId");
        await PollAsync(id, e => e.Str("status") == "waiting");

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/cancel");
        var (again, problem) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/cancel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", body.Str("status"));
        Assert.Contains(body!["nodes"]!.AsArray(), n => n.Str("nodeId") == "pause" && n.Str("status") == "cancelled");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("invalid_state", problem.Str("code"));
    }

    [Fact]
    public async Task Retry_FailedExecution_ContinuesFromFailedNodeWithoutRerunningCompleted()
    {
        // Fails until the wall clock passes trigger.until; the retry after that succeeds.
        var document = Document(Unique("retry"),
            [Trigger(), Node("first", "transform", new JsonObject { ["code"] = "return 'first';" }),
             Node("gate", "transform", new JsonObject { ["code"] = "if (Date.now() < trigger.until) throw new Error('too early'); return 'open';" })],
            [Edge("start", "first"), Edge("first", "gate")]);
        var workflow = await _client.CreateWorkflowAsync(document);
        var until = DateTimeOffset.UtcNow.AddSeconds(1.5).ToUnixTimeMilliseconds();
        var (_, failed) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["until"] = until } });
        Assert.Equal("failed", failed.Str("status"));
        Assert.Equal("gate", failed!["error"].Str("nodeId"));
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, until - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) + 100));

        var (response, _) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{failed.Str("id")}/retry");
        var done = await PollAsync(failed.Str("id"), e => e.Str("status") is "completed" or "failed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", done.Str("status"));
        Assert.Equal("open", done["result"]!.GetValue<string>());
        Assert.Equal(1, NodeOf(done, "first")["runs"]!.GetValue<int>());
        Assert.Equal(2, NodeOf(done, "gate")["runs"]!.GetValue<int>());
    }

    [Fact]
    public async Task Retry_CompletedExecution_Returns409()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var (_, done) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 1 } });
        Assert.Equal("completed", done.Str("status"));

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{done.Str("id")}/retry");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("invalid_state", body.Str("code"));
    }

    [Fact]
    public async Task GetAndControl_UnknownExecution_Return404()
    {
        foreach (var (method, url) in new[] { (HttpMethod.Get, ""), (HttpMethod.Post, "/cancel"), (HttpMethod.Post, "/retry") })
        {
            var (response, body) = await _client.SendJsonAsync(method, $"/api/executions/{Guid.NewGuid()}{url}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", body.Str("code"));
        }
        var (start, _) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{Guid.NewGuid()}/executions", new JsonObject());
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByWorkflowAndStatus_AndPagesWithoutGaps()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = workflow.Str("id");
        var started = new HashSet<string>();
        for (var i = 0; i < 7; i++)
        {
            var (_, done) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions?wait=true", new JsonObject { ["input"] = new JsonObject { ["n"] = i } });
            started.Add(done.Str("id"));
        }
        var seen = new List<string>();
        string? cursor = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            seen.Clear();
            cursor = null;
            do
            {
                var (_, page) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={id}&status=completed&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
                seen.AddRange(page!["items"]!.AsArray().Select(e => e.Str("id")));
                Assert.All(page["items"]!.AsArray(), e => Assert.Equal(id, e.Str("workflowId")));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);
            if (seen.Count < 7)
            {
                await Task.Delay(100); // history writes are batched
            }
        }
        while (seen.Count < 7 && DateTime.UtcNow < deadline);

        Assert.Equal(started.Order(), seen.Order());
        Assert.Equal(7, seen.Distinct().Count());
        var (_, failedOnly) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={id}&status=failed");
        Assert.Empty(failedOnly!["items"]!.AsArray());
    }

    private static JsonObject NodeOf(JsonNode execution, string id) =>
        execution["nodes"]!.AsArray().Single(n => n.Str("nodeId") == id)!.AsObject();

    private async Task<JsonNode> PollAsync(string executionId, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode? last;
        do
        {
            (_, last) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{executionId}");
            if (last is not null && done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException(last?.ToJsonString());
    }
}
