using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Set;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class SetNodeTests
{
    private const string Config = """{"values": {"approver": "{{ trigger.manager }}", "limit": "{{ 500 * 2 }}", "fixed": true}}""";

    private readonly SetNode _node = new();

    [Fact]
    public async Task Execute_Values_OutputsResolvedValues()
    {
        var result = await RunAsync(_node, Config, scope: TriggerScope("""{"manager":"cfo@example.com"}"""));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("""{"approver":"cfo@example.com","limit":1000,"fixed":true}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_Values_AssignsVariables()
    {
        var result = await RunAsync(_node, Config, scope: TriggerScope("""{"manager":"cfo@example.com"}"""));

        Assert.NotNull(result.Variables);
        Assert.Equal(3, result.Variables.Count);
        Assert.Equal("cfo@example.com", result.Variables["approver"]!.GetValue<string>());
        Assert.Equal(1000, result.Variables["limit"]!.GetValue<double>());
        Assert.True(result.Variables["fixed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Execute_Values_VariablesCanBeStoredInAnotherObject()
    {
        var result = await RunAsync(_node, """{"values": {"obj": {"a": 1}}}""");
        var vars = new JsonObject();

        foreach (var (name, value) in result.Variables!)
        {
            vars[name] = value;
        }

        Assert.Equal("""{"obj":{"a":1}}""", vars.ToJsonString());
    }

    [Fact]
    public async Task Execute_ExpressionThrows_FailsWithExpressionCode()
    {
        var result = await RunAsync(_node, """{"values": {"x": "{{ missing.y }}"}}""");

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("expression_error", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_ValuesNotObject_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"values": [1, 2]}""");

        Assert.Equal("invalid_config", result.Error!.Code);
    }
}
