using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.If;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class IfNodeTests
{
    private readonly IfNode _node = new();

    [Fact]
    public async Task Execute_ConditionTrue_TakesTrueHandle()
    {
        var result = await RunAsync(_node, """{"condition": "{{ trigger.body.amount > 1000 }}"}""", scope: TriggerScope("""{"body":{"amount":1500}}"""));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("true", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_ConditionFalse_TakesFalseHandle()
    {
        var result = await RunAsync(_node, """{"condition": "{{ trigger.body.amount > 1000 }}"}""", scope: TriggerScope("""{"body":{"amount":10}}"""));

        Assert.Equal("false", Assert.Single(result.Handles!));
    }

    [Theory]
    [InlineData("0", "false")]
    [InlineData("''", "false")]
    [InlineData("null", "false")]
    [InlineData("'yes'", "true")]
    [InlineData("[]", "true")]
    [InlineData("({})", "true")]
    public async Task Execute_NonBooleanResult_UsesJavaScriptTruthiness(string expression, string handle)
    {
        var config = new JsonObject { ["condition"] = $"{{{{ {expression} }}}}" }.ToJsonString();

        var result = await RunAsync(_node, config);

        Assert.Equal(handle, Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_AnyBranch_PassesInputThrough()
    {
        var result = await RunAsync(_node, """{"condition": "{{ false }}"}""", JsonNode.Parse("""{"a":[1,2]}"""));

        Assert.Equal("""{"a":[1,2]}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ConditionThrows_FailsWithExpressionCode()
    {
        var result = await RunAsync(_node, """{"condition": "{{ trigger.missing.deeper }}"}""");

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("expression_error", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_SyntaxError_FailsWithSyntaxCode()
    {
        var result = await RunAsync(_node, """{"condition": "{{ 1 + }}"}""");

        Assert.Equal("expression_syntax", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_MissingCondition_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, "{}");

        Assert.Equal("invalid_config", result.Error!.Code);
    }
}
