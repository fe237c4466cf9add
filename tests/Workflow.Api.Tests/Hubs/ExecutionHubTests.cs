using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using HubException = Microsoft.AspNetCore.SignalR.HubException;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Hubs;

[Collection(ApiCollection.Name)]
public sealed class ExecutionHubTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _admin = factory.CreateAdminClient();

    [Fact]
    public async Task SubscribeWorkflow_Run_EveryNodeStartsAndCompletesWithIncreasingSequence()
    {
        var workflow = await _admin.CreateWorkflowAsync(TestWorkflows.Simple());
        await using var hub = await AdminHubAsync();
        await hub.Connection.InvokeAsync("SubscribeWorkflow", workflow.Str("id"));

        var executionId = await StartAsync(_admin, workflow.Str("id"));
        await hub.WaitForAsync((name, e) => name == "ExecutionStatusChanged" && e.Str("status") == "completed");

        var events = hub.Events.Where(e => e.Payload.Str("executionId") == executionId).ToList();
        foreach (var node in new[] { "start", "double" })
        {
            Assert.Contains(events, e => e.Name == "NodeStarted" && e.Payload["nodeId"]?.GetValue<string>() == node);
            Assert.Contains(events, e => e.Name == "NodeCompleted" && e.Payload["nodeId"]?.GetValue<string>() == node);
        }
        Assert.Contains(events, e => e.Name == "ExecutionStatusChanged" && e.Payload.Str("status") == "running");
        var sequences = events.Select(e => e.Payload["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order().ToList(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var completed = events.Single(e => e.Name == "NodeCompleted" && e.Payload["nodeId"]?.GetValue<string>() == "double").Payload;
        Assert.Equal(workflow.Str("id"), completed.Str("workflowId"));
        Assert.Equal(42, completed["output"]!.GetValue<int>());
        Assert.False(completed["outputTruncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SubscribeExecution_SnapshotSequence_LaterEventsAreHigher()
    {
        var workflow = await _admin.CreateWorkflowAsync(TestWorkflows.WithDelay(3));
        await using var hub = await AdminHubAsync();
        var executionId = await StartAsync(_admin, workflow.Str("id"));

        await hub.Connection.InvokeAsync("SubscribeExecution", executionId);
        var (_, snapshot) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/executions/{executionId}");
        var snapshotSequence = snapshot!["sequence"]!.GetValue<long>();
        await hub.WaitForAsync((name, e) => name == "ExecutionStatusChanged" && e.Str("status") == "completed");

        Assert.True(snapshotSequence > 0);
        var after = hub.Events.Single(e => e.Name == "NodeCompleted" && e.Payload["nodeId"]?.GetValue<string>() == "after");
        Assert.True(after.Payload["sequence"]!.GetValue<long>() > snapshotSequence);
        var (_, final) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/executions/{executionId}");
        Assert.Equal(hub.Events.Max(e => e.Payload["sequence"]!.GetValue<long>()), final!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task SubscribeWorkflow_FailingNode_NodeFailedCarriesError()
    {
        var workflow = await _admin.CreateWorkflowAsync(Document(Unique("failing"),
            [Trigger(), Node("boom", "transform", new JsonObject { ["code"] = "throw new Error('kaboom');" })], [Edge("start", "boom")]));
        await using var hub = await AdminHubAsync();
        await hub.Connection.InvokeAsync("SubscribeWorkflow", workflow.Str("id"));

        await StartAsync(_admin, workflow.Str("id"));
        var (_, failed) = await hub.WaitForAsync((name, e) => name == "NodeFailed" && e["nodeId"]?.GetValue<string>() == "boom");
        var (_, status) = await hub.WaitForAsync((name, e) => name == "ExecutionStatusChanged" && e.Str("status") == "failed");

        Assert.Equal("failed", failed.Str("status"));
        Assert.Contains("kaboom", failed["error"]!.Str("message"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(failed["error"]!.Str("code")));
        Assert.NotNull(status["error"]);
    }

    [Fact]
    public async Task Subscribe_OtherTenantsExecutionOrWorkflow_RefusedAndNothingArrives()
    {
        var workflow = await _admin.CreateWorkflowAsync(TestWorkflows.WithDelay(1));
        await using var owner = await AdminHubAsync();
        await owner.Connection.InvokeAsync("SubscribeWorkflow", workflow.Str("id"));
        var tenant = await factory.CreateTenantAsync();
        await using var intruder = await HubTestClient.ConnectAsync(factory,
            await HubTestClient.TokenAsync(factory, tenant.Name, "owner", tenant.OwnerPassword));
        var executionId = await StartAsync(_admin, workflow.Str("id"));

        var byExecution = await Assert.ThrowsAsync<HubException>(() => intruder.Connection.InvokeAsync("SubscribeExecution", executionId));
        var byWorkflow = await Assert.ThrowsAsync<HubException>(() => intruder.Connection.InvokeAsync("SubscribeWorkflow", workflow.Str("id")));
        await owner.WaitForAsync((name, e) => name == "ExecutionStatusChanged" && e.Str("executionId") == executionId && e.Str("status") == "completed");

        Assert.Contains("not found", byExecution.Message, StringComparison.Ordinal);
        Assert.Contains("not found", byWorkflow.Message, StringComparison.Ordinal);
        Assert.Empty(intruder.Events);
    }

    [Fact]
    public async Task Subscribe_UnknownExecution_HubException()
    {
        await using var hub = await AdminHubAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeExecution", Guid.NewGuid().ToString()));
        await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SubscribeWorkflow", "not-a-guid"));
    }

    [Fact]
    public async Task Connect_WithoutToken_Refused()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => HubTestClient.ConnectAsync(factory, token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private async Task<HubTestClient> AdminHubAsync() =>
        await HubTestClient.ConnectAsync(factory, await HubTestClient.TokenAsync(factory, "default", "admin", WorkflowApiFactory.AdminPassword));

    private static async Task<string> StartAsync(HttpClient client, string workflowId)
    {
        var (response, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflowId}/executions",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 21 } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return body.Str("executionId");
    }
}
