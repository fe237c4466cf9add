using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Transform;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class TransformAggregateTests
{
    private const string Sales = """
        [{"region":"eu","amount":10.5},{"region":"us","amount":20},{"region":"eu","amount":4.5},{"region":"apac","amount":null}]
        """;

    private readonly TransformNode _node = new();

    private Task<NodeResult> AggregateAsync(string kind, string selector = "\"field\": \"amount\"") =>
        RunAsync(_node, $$"""{"operation": "aggregate", "aggregate": "{{kind}}", {{selector}}}""", JsonNode.Parse(Sales));

    [Theory]
    [InlineData("sum", "35")]
    [InlineData("avg", "11.666666666666666")]
    [InlineData("min", "4.5")]
    [InlineData("max", "20")]
    [InlineData("count", "3")]
    [InlineData("first", "10.5")]
    [InlineData("last", "4.5")]
    public async Task Execute_AggregateOverField_ComputesStatistic(string kind, string expected)
    {
        var result = await AggregateAsync(kind);

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal(expected, ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_CountWithoutSelector_CountsAllItems()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "count"}""", JsonNode.Parse(Sales));

        Assert.Equal("4", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_SumOfDecimals_IsExact()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "sum"}""", JsonNode.Parse("[0.1, 0.2]"));

        Assert.Equal("0.3", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_SumWithExpression_SumsExpressionResults()
    {
        var result = await AggregateAsync("sum", "\"expression\": \"{{ item.region === 'eu' ? item.amount * 2 : 0 }}\"");

        Assert.Equal(30, result.Output!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_SumOfNumericStrings_ParsesThem()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "sum"}""", JsonNode.Parse("""["1.5", "2.5"]"""));

        Assert.Equal("4", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_SumOfText_FailsWithInvalidInput()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "sum"}""", JsonNode.Parse("""[1, "abc"]"""));

        Assert.Equal("invalid_input", result.Error!.Code);
        Assert.Contains("item 1", result.Error.Message);
    }

    [Fact]
    public async Task Execute_AvgOfEmptyList_OutputsNull()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "avg"}""", JsonNode.Parse("[]"));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task Execute_Distinct_KeepsFirstOfEachValue()
    {
        var result = await AggregateAsync("distinct", "\"field\": \"region\"");

        Assert.Equal("""["eu","us","apac"]""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_GroupBy_GroupsItemsByValue()
    {
        var result = await AggregateAsync("groupBy", "\"field\": \"region\"");

        var groups = result.Output!.AsObject();
        Assert.Equal(new[] { "eu", "us", "apac" }, groups.Select(g => g.Key).ToArray());
        Assert.Equal(2, groups["eu"]!.AsArray().Count);
        Assert.Equal(20, groups["us"]![0]!["amount"]!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_NestedField_ReadsDottedPath()
    {
        var input = JsonNode.Parse("""[{"c":{"n":1}},{"c":{"n":2}}]""");

        var result = await RunAsync(_node, """{"operation": "aggregate", "aggregate": "max", "field": "c.n"}""", input);

        Assert.Equal("2", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_AggregateMissingKind_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"operation": "aggregate"}""", JsonNode.Parse("[1]"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }
}
