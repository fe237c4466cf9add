using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Switch;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class SwitchNodeTests
{
    private const string TierConfig = """
        {"expression": "{{ trigger.tier }}",
         "cases": [{"value": "gold", "handle": "vip"}, {"value": "silver"}, {"value": 3, "handle": "three"}]}
        """;

    private readonly SwitchNode _node = new();

    [Fact]
    public async Task Execute_MatchingCaseWithHandle_TakesThatHandle()
    {
        var result = await RunAsync(_node, TierConfig, scope: TriggerScope("""{"tier":"gold"}"""));

        Assert.Equal("vip", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_MatchingCaseWithoutHandle_TakesValueAsHandle()
    {
        var result = await RunAsync(_node, TierConfig, scope: TriggerScope("""{"tier":"silver"}"""));

        Assert.Equal("silver", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_NoCaseMatches_TakesDefaultHandle()
    {
        var result = await RunAsync(_node, TierConfig, scope: TriggerScope("""{"tier":"bronze"}"""));

        Assert.Equal("default", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_NumberResult_MatchesNumericCaseByValue()
    {
        var result = await RunAsync(_node, TierConfig, scope: TriggerScope("""{"tier":3.0}"""));

        Assert.Equal("three", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_ComputedNumber_MatchesNumericCase()
    {
        var result = await RunAsync(_node, """{"expression": "{{ 1 + 2 }}", "cases": [{"value": 3, "handle": "three"}]}""");

        Assert.Equal("three", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_StringThatLooksLikeNumber_DoesNotMatchNumericCase()
    {
        var result = await RunAsync(_node, TierConfig, scope: TriggerScope("""{"tier":"3"}"""));

        Assert.Equal("default", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_ObjectResult_MatchesEqualObjectRegardlessOfKeyOrder()
    {
        var config = """{"expression": "{{ ({b: 2, a: 1}) }}", "cases": [{"value": {"a": 1, "b": 2}, "handle": "same"}]}""";

        var result = await RunAsync(_node, config);

        Assert.Equal("same", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_SeveralCasesMatch_TakesFirst()
    {
        var config = """{"expression": "{{ 'x' }}", "cases": [{"value": "x", "handle": "first"}, {"value": "x", "handle": "second"}]}""";

        var result = await RunAsync(_node, config);

        Assert.Equal("first", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_Matched_PassesInputThrough()
    {
        var result = await RunAsync(_node, TierConfig, JsonNode.Parse("""{"id":7}"""), TriggerScope("""{"tier":"gold"}"""));

        Assert.Equal("""{"id":7}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ExpressionThrows_FailsWithExpressionCode()
    {
        var result = await RunAsync(_node, """{"expression": "{{ nope.x }}", "cases": []}""");

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("expression_error", result.Error!.Code);
    }

    [Fact]
    public void OutputHandles_Cases_ReturnsCaseHandlesAndDefault()
    {
        var handles = _node.OutputHandles(JsonNode.Parse(TierConfig)!.AsObject());

        Assert.Equal(new[] { "vip", "silver", "three", "default" }, handles!.ToArray());
    }

    [Fact]
    public void OutputHandles_NumericCaseWithoutHandle_UsesNumberText()
    {
        var handles = _node.OutputHandles(JsonNode.Parse("""{"expression": "x", "cases": [{"value": 1.0}, {"value": true}]}""")!.AsObject());

        Assert.Equal(new[] { "1", "true", "default" }, handles!.ToArray());
    }

    [Fact]
    public void Descriptor_Switch_HasDynamicOutputsAndDefaultPort()
    {
        Assert.True(_node.Descriptor.DynamicOutputs);
        Assert.Equal("default", Assert.Single(_node.Descriptor.Outputs).Id);
    }
}
