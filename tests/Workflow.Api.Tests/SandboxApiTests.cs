using System.Net;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests;

/// <summary>Hostile scripts fail only their own node with a clear error; the silo keeps serving.</summary>
[Collection(ApiCollection.Name)]
public sealed class SandboxApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Theory]
    [InlineData("while (true) {}", "expression_statement_limit")]
    [InlineData("return 'x'.repeat(1e9);", "expression_memory_limit")]
    [InlineData("function f(n) { return f(n + 1) + 1; } return f(0);", "expression_recursion_limit")]
    [InlineData("return ({}).constructor.constructor('return this')();", "expression_error")]
    [InlineData("return importNamespace('System.IO').File.ReadAllText('/etc/passwd');", "expression_error")]
    [InlineData("return System.Environment.Exit(1);", "expression_error")]
    public async Task HostileCode_FailsOnlyItsNode_AndTheSiloKeepsServing(string code, string expectedCode)
    {
        var result = await RunAsync(code);

        Assert.Equal("failed", result.Str("status"));
        var node = result["nodes"]!.AsArray().Single(n => n.Str("nodeId") == "code")!;
        Assert.Equal("failed", node.Str("status"));
        Assert.Equal(expectedCode, node["error"].Str("code"));
        Assert.False(string.IsNullOrWhiteSpace(node["error"].Str("message")));
        var healthy = await RunAsync("return 6 * 7;");
        Assert.Equal(42, healthy["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task PrototypePollution_InOneRun_IsInvisibleToTheNext()
    {
        var polluting = await RunAsync("try { Object.prototype.polluted = 'yes'; Array.prototype.map = null; } catch (e) { } return 1;");
        var next = await RunAsync("return [({}).polluted === undefined, typeof [].map];");

        Assert.Equal("completed", polluting.Str("status"));
        Assert.Equal("[true,\"function\"]", next["result"]!.ToJsonString());
    }

    private async Task<JsonNode> RunAsync(string code)
    {
        var workflow = await _client.CreateWorkflowAsync(Document(Unique("sandbox"),
            [Trigger(), Node("code", "transform", new JsonObject { ["code"] = code })], [Edge("start", "code")]));
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!;
    }
}
