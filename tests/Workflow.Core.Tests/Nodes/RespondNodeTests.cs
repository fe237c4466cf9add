using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Respond;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class RespondNodeTests
{
    private readonly RespondNode _node = new();

    [Fact]
    public async Task Execute_FullConfig_OutputsStatusHeadersAndBody()
    {
        var config = """{"status": 201, "headers": {"X-Total": "{{ trigger.total }}"}, "body": {"ok": true, "total": "{{ trigger.total }}"}}""";

        var result = await RunAsync(_node, config, scope: TriggerScope("""{"total":42}"""));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("""{"status":201,"headers":{"X-Total":"42"},"body":{"ok":true,"total":42}}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_NoStatusOrHeaders_Defaults200AndEmptyHeaders()
    {
        var result = await RunAsync(_node, """{"body": "done"}""");

        Assert.Equal("""{"status":200,"headers":{},"body":"done"}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_NoBody_RespondsWithInput()
    {
        var result = await RunAsync(_node, "{}", JsonNode.Parse("""{"id":1}"""));

        Assert.Equal("""{"id":1}""", ToJson(result.Output!["body"]));
    }

    [Fact]
    public async Task Execute_StatusExpression_ResolvesToNumber()
    {
        var result = await RunAsync(_node, """{"status": "{{ 400 + 4 }}", "body": null}""");

        Assert.Equal(404, result.Output!["status"]!.GetValue<int>());
        Assert.Null(result.Output["body"]);
    }

    [Fact]
    public async Task Execute_StatusOutOfRange_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"status": 42}""");

        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_HeaderWithLineBreak_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"headers": {"X-A": "a\r\nSet-Cookie: x"}}""");

        Assert.Equal("invalid_config", result.Error!.Code);
    }
}
