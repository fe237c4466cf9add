using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Transform;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class TransformNodeTests
{
    private const string Orders = """[{"price":2,"qty":3},{"price":5,"qty":1},{"price":1.5,"qty":2}]""";

    private readonly TransformNode _node = new();

    [Fact]
    public async Task Execute_CodeWithReturn_OutputsReturnValue()
    {
        var code = new JsonObject { ["code"] = "const total = input.reduce((s, o) => s + o.price * o.qty, 0);\nreturn { total, big: total > 10 };" };

        var result = await RunAsync(_node, code.ToJsonString(), JsonNode.Parse(Orders));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("""{"total":14,"big":true}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_CodeReadsScope_SeesTrigger()
    {
        var result = await RunAsync(_node, """{"code": "return trigger.body.name.toUpperCase();"}""", scope: TriggerScope("""{"body":{"name":"ada"}}"""));

        Assert.Equal("ADA", result.Output!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_CodeThrows_FailsWithExpressionCode()
    {
        var result = await RunAsync(_node, """{"code": "throw new Error('boom');"}""");

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("expression_error", result.Error!.Code);
        Assert.Contains("boom", result.Error.Message);
    }

    [Fact]
    public async Task Execute_CodeNeverEnds_FailsWithLimitCode()
    {
        var result = await RunAsync(_node, """{"code": "while (true) {}"}""");

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.StartsWith("expression_", result.Error!.Code);
        Assert.NotEqual("expression_error", result.Error.Code);
    }

    [Fact]
    public async Task Execute_Map_OutputsExpressionPerItem()
    {
        var result = await RunAsync(_node, """{"operation": "map", "expression": "{{ item.price * item.qty }}"}""", JsonNode.Parse(Orders));

        Assert.Equal("[6,5,3]", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_MapObjectLiteral_BuildsObjects()
    {
        var result = await RunAsync(_node, """{"operation": "map", "expression": "{{ ({ n: index, p: item.price }) }}"}""", JsonNode.Parse(Orders));

        Assert.Equal("""[{"n":0,"p":2},{"n":1,"p":5},{"n":2,"p":1.5}]""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_Filter_KeepsTruthyItems()
    {
        var result = await RunAsync(_node, """{"operation": "filter", "expression": "{{ item.qty > 1 }}"}""", JsonNode.Parse(Orders));

        Assert.Equal("""[{"price":2,"qty":3},{"price":1.5,"qty":2}]""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_Reduce_FoldsWithAccumulator()
    {
        var config = """{"operation": "reduce", "expression": "{{ acc + item.price * item.qty }}", "initialValue": 100}""";

        var result = await RunAsync(_node, config, JsonNode.Parse(Orders));

        Assert.Equal(114, result.Output!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_ReduceEmptyList_OutputsInitialValue()
    {
        var result = await RunAsync(_node, """{"operation": "reduce", "expression": "{{ acc + item }}", "initialValue": 7}""", JsonNode.Parse("[]"));

        Assert.Equal("7", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ItemsExpression_UsesThatList()
    {
        var config = """{"operation": "map", "items": "{{ trigger.values }}", "expression": "{{ item * 10 }}"}""";

        var result = await RunAsync(_node, config, scope: TriggerScope("""{"values":[1,2]}"""));

        Assert.Equal("[10,20]", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ItemsNotArray_FailsWithInvalidInput()
    {
        var result = await RunAsync(_node, """{"operation": "map", "expression": "{{ item }}"}""", JsonNode.Parse("""{"a":1}"""));

        Assert.Equal("invalid_input", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_ExpressionThrowsOnItem_FailsWithExpressionCodeAndIndex()
    {
        var result = await RunAsync(_node, """{"operation": "map", "expression": "{{ item.a.b }}"}""", JsonNode.Parse("""[{"a":{"b":1}},{}]"""));

        Assert.Equal("expression_error", result.Error!.Code);
        Assert.Contains("item 1", result.Error.Message);
    }

    [Fact]
    public async Task Execute_MapWithoutExpression_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"operation": "map"}""", JsonNode.Parse("[1]"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_NeitherCodeNorOperation_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, "{}", JsonNode.Parse("[1]"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_UnknownOperation_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"operation": "explode", "expression": "{{ item }}"}""", JsonNode.Parse("[1]"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }
}
