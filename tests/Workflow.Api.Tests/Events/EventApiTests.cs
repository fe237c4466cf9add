using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Tests.Events;

[Collection(ApiCollection.Name)]
public sealed class EventApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Publish_MatchingType_StartsWorkflowWithEventAsTriggerData()
    {
        var type = EventWorkflows.UniqueType();
        var workflowId = await _client.CreateActiveAsync(EventWorkflows.Echo(type));

        var (response, body) = await _client.PostEventAsync(type, new JsonObject { ["orderId"] = 7 }, source: "shop");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, body!["started"]!.GetValue<int>());
        var done = await _client.PollAsync(body["executionIds"]![0]!.GetValue<string>(), e => e.Str("status") == "completed");
        Assert.Equal(workflowId, done.Str("workflowId"));
        Assert.Equal("event", done.Str("triggeredBy"));
        var trigger = done["nodes"]!.AsArray().Single(n => n.Str("nodeId") == "start")!["output"]!;
        Assert.Equal(type, trigger.Str("type"));
        Assert.Equal("shop", trigger.Str("source"));
        Assert.Equal(7, trigger["data"]!["orderId"]!.GetValue<int>());
        Assert.Equal(7, done["result"]!["orderId"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_DataWithExpression_ArrivesUnevaluated()
    {
        var type = EventWorkflows.UniqueType();
        await _client.CreateActiveAsync(EventWorkflows.Echo(type));

        var (_, body) = await _client.PostEventAsync(type, new JsonObject { ["text"] = "{{ 1+1 }}" });

        var done = await _client.PollAsync(body!["executionIds"]![0]!.GetValue<string>(), e => e.Str("status") == "completed");
        var trigger = done["nodes"]!.AsArray().Single(n => n.Str("nodeId") == "start")!["output"]!;
        Assert.Equal("{{ 1+1 }}", trigger["data"].Str("text"));
        Assert.Equal("{{ 1+1 }}", done["result"].Str("text"));
    }

    [Fact]
    public async Task Publish_StartedExecution_IsAuditedWithEventType()
    {
        var type = EventWorkflows.UniqueType();
        await _client.CreateActiveAsync(EventWorkflows.Echo(type));

        var (_, body) = await _client.PostEventAsync(type);
        var executionId = body!["executionIds"]![0]!.GetValue<string>();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray items;
        do
        {
            var (_, page) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/audit?action=execution.start&targetId={executionId}");
            items = page!["items"]!.AsArray();
            if (items.Count > 0)
            {
                break;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        var entry = Assert.Single(items);
        Assert.Equal($"event {type}", entry.Str("detail"));
        Assert.Equal("admin", entry.Str("actor"));
    }

    [Fact]
    public async Task Publish_OtherType_StartsNothing()
    {
        await _client.CreateActiveAsync(EventWorkflows.Echo(EventWorkflows.UniqueType()));

        var (response, body) = await _client.PostEventAsync(EventWorkflows.UniqueType());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, body!["started"]!.GetValue<int>());
        Assert.Empty(body["executionIds"]!.AsArray());
    }

    [Theory]
    [InlineData(500, 1)]
    [InlineData(50, 0)]
    public async Task Publish_Conditions_StartOnlyWhenAllTrue(int amount, int expected)
    {
        var type = EventWorkflows.UniqueType();
        // Bare expressions: a run resolves the trigger node's config again, and a `{{ }}` there would not bind as text.
        await _client.CreateActiveAsync(EventWorkflows.Echo(type, ["event.data.amount > 100", "trigger.source === 'tests'"]));

        var (_, body) = await _client.PostEventAsync(type, new JsonObject { ["amount"] = amount });

        Assert.Equal(expected, body!["started"]!.GetValue<int>());
        foreach (var id in body["executionIds"]!.AsArray())
        {
            var done = await _client.PollAsync(id!.GetValue<string>(), e => e.Str("status") is "completed" or "failed");
            Assert.True(done.Str("status") == "completed", done.ToJsonString());
        }
    }

    [Fact]
    public async Task Publish_ConditionThrows_CountsAsNoMatch()
    {
        var type = EventWorkflows.UniqueType();
        await _client.CreateActiveAsync(EventWorkflows.Echo(type, ["event.data.missing.deeper === 1"]));

        var (response, body) = await _client.PostEventAsync(type, new JsonObject());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, body!["started"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_WithinDebounce_StartsOnce_ThenAgainAfterWindow()
    {
        var type = EventWorkflows.UniqueType();
        await _client.CreateActiveAsync(EventWorkflows.Echo(type, debounceMs: 1500));

        var (_, first) = await _client.PostEventAsync(type);
        var (_, second) = await _client.PostEventAsync(type);
        await Task.Delay(1700);
        var (_, third) = await _client.PostEventAsync(type);

        Assert.Equal(1, first!["started"]!.GetValue<int>());
        Assert.Equal(0, second!["started"]!.GetValue<int>());
        Assert.Equal(1, third!["started"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("archive")]
    public async Task Publish_AfterDeactivation_StartsNothing(string action)
    {
        var type = EventWorkflows.UniqueType();
        var id = await _client.CreateActiveAsync(EventWorkflows.Echo(type));
        var (changed, _) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/{action}");
        Assert.True(changed.IsSuccessStatusCode);

        var (_, body) = await _client.PostEventAsync(type);

        Assert.Equal(0, body!["started"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_AfterSavingActiveWorkflow_MatchesOnlyTheNewEventType()
    {
        var oldType = EventWorkflows.UniqueType();
        var newType = EventWorkflows.UniqueType();
        var id = await _client.CreateActiveAsync(EventWorkflows.Echo(oldType));
        var edited = EventWorkflows.Echo(newType);
        var (saved, _) = await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", edited, ifMatch: "1");
        Assert.True(saved.IsSuccessStatusCode);

        var (_, old) = await _client.PostEventAsync(oldType);
        var (_, current) = await _client.PostEventAsync(newType);

        Assert.Equal(0, old!["started"]!.GetValue<int>());
        Assert.Equal(1, current!["started"]!.GetValue<int>());
        var done = await _client.PollAsync(current["executionIds"]![0]!.GetValue<string>(), e => e.Str("status") == "completed");
        Assert.Equal(2, done["workflowVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_OtherTenantsEvent_NeverStartsThisTenantsWorkflow()
    {
        var type = EventWorkflows.UniqueType();
        await _client.CreateActiveAsync(EventWorkflows.Echo(type));
        var other = await factory.CreateTenantAsync();

        var (response, body) = await other.Owner.PostEventAsync(type);
        var (_, own) = await _client.PostEventAsync(type);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, body!["started"]!.GetValue<int>());
        Assert.Equal(1, own!["started"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_AsViewer_Returns403()
    {
        using var viewer = await factory.CreateClientWithRolesAsync(TenantRoles.Viewer);

        var (response, _) = await viewer.PostEventAsync(EventWorkflows.UniqueType());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"source\": \"x\"}")]
    [InlineData("{\"type\": 5}")]
    [InlineData("{\"type\": \"\"}")]
    [InlineData("{\"type\": \"a\", \"source\": {}}")]
    [InlineData("[1]")]
    public async Task Publish_InvalidEvent_Returns400(string json)
    {
        var (response, body) = await _client.PostRawAsync("/api/events", Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_event", body.Str("code"));
    }

    [Fact]
    public async Task Publish_MalformedJson_Returns400()
    {
        var (response, body) = await _client.PostRawAsync("/api/events", Encoding.UTF8.GetBytes("{\"type\":"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", body.Str("code"));
    }
}
