using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Subworkflows;

/// <summary>Sub-workflows run as child executions awaited durably; failures propagate, are caught or ignored.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubworkflowApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task ThreeDeepNesting_CompletesWithEachLevelsResult()
    {
        var leaf = await CreateAsync(Document(Unique("leaf"),
            [Trigger(), Node("calc", "transform", new JsonObject { ["code"] = "return trigger.x * 2;" })], [Edge("start", "calc")]));
        var middle = await CreateAsync(Call("middle", leaf, "{{ trigger.x + 1 }}"));
        var top = await CreateAsync(Call("top", middle, "{{ trigger.x + 1 }}"));

        var done = await RunAsync(top, new JsonObject { ["x"] = 1 });

        Assert.Equal("completed", done.Str("status"));
        Assert.Equal(6, done["result"]!.GetValue<int>()); // ((1 + 1) + 1) * 2
        Assert.Equal(1, NodeOf(done, "call")["runs"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("propagate", "failed", null)]
    [InlineData("catch", "completed", "caught")]
    [InlineData("ignore", "completed", "ignored")]
    public async Task FailingChild_IsHandledPerErrorHandling(string handling, string parentStatus, string? result)
    {
        var failing = await CreateAsync(Document(Unique("fails"),
            [Trigger(), Node("boom", "transform", new JsonObject { ["code"] = "throw new Error('child broke');" })], [Edge("start", "boom")]));
        var parent = await CreateAsync(Document(Unique("parent-" + handling),
            [Trigger(), Node("call", "subworkflow", new JsonObject { ["workflowId"] = failing, ["errorHandling"] = handling }),
             Node("ok", "transform", new JsonObject { ["code"] = "return 'ignored';" }),
             Node("caught", "transform", new JsonObject { ["code"] = "return nodes.call.output.error.code === 'expression_error' ? 'caught' : 'wrong';" })],
            [Edge("start", "call"), Edge("call", "ok"), Edge("call", "caught", "error")]));

        var done = await RunAsync(parent, new JsonObject());

        Assert.Equal(parentStatus, done.Str("status"));
        if (result is not null)
        {
            Assert.Equal(result, done["result"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal("subworkflow_failed", done["error"].Str("code"));
        }
    }

    [Fact]
    public async Task RecursiveWorkflow_StopsAtTheDepthLimit()
    {
        // A workflow that calls itself: the deepest child fails with subworkflow_depth and the failure propagates up.
        var created = await _client.CreateWorkflowAsync(Document(Unique("recursive"),
            [Trigger(), Node("call", "subworkflow", new JsonObject { ["workflowId"] = Guid.Empty.ToString() })], [Edge("start", "call")]));
        var id = created.Str("id");
        var recursive = Document(created.Str("name"),
            [Trigger(), Node("call", "subworkflow", new JsonObject { ["workflowId"] = id })], [Edge("start", "call")]);
        await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", recursive, ifMatch: "1");

        var done = await RunAsync(id, new JsonObject());

        Assert.Equal("failed", done.Str("status"));
        Assert.Equal("subworkflow_failed", done["error"].Str("code"));
        Assert.Contains("subworkflow_depth", done["error"].Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelParent_CancelsWaitingChild()
    {
        var slowChild = await CreateAsync(Document(Unique("slow-child"),
            [Trigger(), Node("pause", "delay", new JsonObject { ["durationSeconds"] = 300 })], [Edge("start", "pause")]));
        var parent = await CreateAsync(Call("waits", slowChild, "{{ 1 }}"));
        var (_, started) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{parent}/executions?wait=true", new JsonObject());
        var childId = NodeOf(started!, "call")["output"]!["childExecutionId"]!.GetValue<string>();

        await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{started.Str("id")}/cancel");
        var child = await PollAsync(childId, e => e.Str("status") == "cancelled");

        Assert.Equal("cancelled", child.Str("status"));
        Assert.Equal("subworkflow", child.Str("triggeredBy"));
    }

    [Fact]
    public async Task FailedExecution_StartsTheErrorWorkflowWithTheFailure()
    {
        var handler = await CreateAsync(Document(Unique("on-error"),
            [Trigger(), Node("note", "transform", new JsonObject { ["code"] = "return trigger.error.code + '@' + trigger.error.nodeId;" })],
            [Edge("start", "note")]));
        var document = Document(Unique("failing"),
            [Trigger(), Node("boom", "transform", new JsonObject { ["code"] = "throw new Error('x');" })], [Edge("start", "boom")]);
        document["settings"] = new JsonObject { ["errorWorkflowId"] = handler };
        var failing = await CreateAsync(document);

        var failed = await RunAsync(failing, new JsonObject());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray items;
        do
        {
            var (_, page) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={handler}");
            items = page!["items"]!.AsArray();
            await Task.Delay(100);
        }
        while (items.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Equal("failed", failed.Str("status"));
        var errorRun = await PollAsync(Assert.Single(items).Str("id"), e => e.Str("status") == "completed");
        Assert.Equal("error", errorRun.Str("triggeredBy"));
        Assert.Equal("expression_error@boom", errorRun["result"]!.GetValue<string>());
    }

    private static JsonObject Call(string name, string workflowId, string inputExpression) => Document(Unique(name),
        [Trigger(), Node("call", "subworkflow", new JsonObject
        {
            ["workflowId"] = workflowId,
            ["inputMapping"] = new JsonObject { ["x"] = inputExpression },
        })],
        [Edge("start", "call")]);

    private async Task<string> CreateAsync(JsonObject document) => (await _client.CreateWorkflowAsync(document)).Str("id");

    private async Task<JsonNode> RunAsync(string workflowId, JsonObject input)
    {
        var (_, started) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflowId}/executions", new JsonObject { ["input"] = input });
        return await PollAsync(started.Str("executionId"), e => e.Str("status") is "completed" or "failed" or "cancelled");
    }

    private static JsonObject NodeOf(JsonNode execution, string id) => execution["nodes"]!.AsArray().Single(n => n.Str("nodeId") == id)!.AsObject();

    private async Task<JsonNode> PollAsync(string id, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode? last;
        do
        {
            (_, last) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{id}");
            if (last is not null && last["status"] is not null && done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException(last?.ToJsonString());
    }
}
