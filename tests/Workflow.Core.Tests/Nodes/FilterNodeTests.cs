using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Filter;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class FilterNodeTests
{
    private readonly FilterNode _node = new();

    [Fact]
    public async Task Execute_InputArray_KeepsMatchingItems()
    {
        var input = JsonNode.Parse("""[{"s":"open","n":1},{"s":"closed","n":2},{"s":"open","n":3}]""");

        var result = await RunAsync(_node, """{"condition": "{{ item.s === 'open' }}"}""", input);

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("""[{"s":"open","n":1},{"s":"open","n":3}]""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ItemsExpression_FiltersThatList()
    {
        var scope = TriggerScope("""{"rows":[5,15,25]}""");

        var result = await RunAsync(_node, """{"items": "{{ trigger.rows }}", "condition": "{{ item > 10 }}"}""", JsonNode.Parse("[]"), scope);

        Assert.Equal("[15,25]", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_ConditionUsesIndex_KeepsEvenPositions()
    {
        var result = await RunAsync(_node, """{"condition": "{{ index % 2 === 0 }}"}""", JsonNode.Parse("""["a","b","c"]"""));

        Assert.Equal("""["a","c"]""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_NothingMatches_OutputsEmptyArray()
    {
        var result = await RunAsync(_node, """{"condition": "{{ false }}"}""", JsonNode.Parse("[1,2]"));

        Assert.Equal("[]", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_InputNotArray_FailsWithInvalidInput()
    {
        var result = await RunAsync(_node, """{"condition": "{{ true }}"}""", JsonNode.Parse("""{"a":1}"""));

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("invalid_input", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_ConditionThrows_FailsWithExpressionCode()
    {
        var result = await RunAsync(_node, """{"condition": "{{ item.a.b }}"}""", JsonNode.Parse("[{}]"));

        Assert.Equal("expression_error", result.Error!.Code);
        Assert.Contains("item 0", result.Error.Message);
    }
}
