using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Validate;
using static Workflow.Core.Tests.Nodes.NodeHarness;

namespace Workflow.Core.Tests.Nodes;

public sealed class ValidateNodeTests
{
    private const string Config = """
        {"schema": {"type": "object", "required": ["email", "amount"],
                    "properties": {"email": {"type": "string", "format": "email"},
                                   "amount": {"type": "number", "minimum": 0},
                                   "tags": {"type": "array", "items": {"type": "string"}}}}}
        """;

    private readonly ValidateNode _node = new();

    [Fact]
    public async Task Execute_ValidInput_TakesValidHandleWithValue()
    {
        var result = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"a@example.com","amount":5}"""));

        Assert.Equal(NodeOutcome.Completed, result.Outcome);
        Assert.Equal("valid", Assert.Single(result.Handles!));
        Assert.Equal("""{"email":"a@example.com","amount":5}""", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_InvalidInput_TakesInvalidHandle()
    {
        var result = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"a@example.com","amount":-1}"""));

        Assert.Equal("invalid", Assert.Single(result.Handles!));
        Assert.Equal(-1, result.Output!["value"]!["amount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Execute_InvalidInput_ErrorsNameThePathOfEachFailure()
    {
        var result = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"a@example.com","amount":-1,"tags":["ok",3]}"""));

        var paths = result.Output!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(new[] { "/amount", "/tags/1" }, paths);
        Assert.All(result.Output["errors"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty(e!["message"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Execute_MissingRequired_ReportsRootPath()
    {
        var result = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"a@example.com"}"""));

        var error = Assert.Single(result.Output!["errors"]!.AsArray());
        Assert.Equal("", error!["path"]!.GetValue<string>());
        Assert.Equal("required", error["keyword"]!.GetValue<string>());
        Assert.Contains("amount", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_BadEmailFormat_IsInvalid()
    {
        var result = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"not-an-email","amount":1}"""));

        Assert.Equal("invalid", Assert.Single(result.Handles!));
    }

    [Fact]
    public async Task Execute_ValueExpression_ValidatesThatValue()
    {
        var config = """{"schema": {"type": "integer"}, "value": "{{ trigger.count }}"}""";

        var result = await RunAsync(_node, config, JsonNode.Parse("\"not checked\""), TriggerScope("""{"count":3}"""));

        Assert.Equal("valid", Assert.Single(result.Handles!));
        Assert.Equal("3", ToJson(result.Output));
    }

    [Fact]
    public async Task Execute_InvalidSchema_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"schema": {"type": "nope"}}""", JsonNode.Parse("1"));

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_UnresolvableRef_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, """{"schema": {"$ref": "https://example.invalid/schema.json"}}""", JsonNode.Parse("1"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_MissingSchema_FailsWithInvalidConfig()
    {
        var result = await RunAsync(_node, "{}", JsonNode.Parse("1"));

        Assert.Equal("invalid_config", result.Error!.Code);
    }

    [Fact]
    public async Task Execute_SameSchemaTwice_GivesSameVerdicts()
    {
        var first = await RunAsync(_node, Config, JsonNode.Parse("""{"email":"a@example.com","amount":1}"""));
        var second = await RunAsync(_node, Config, JsonNode.Parse("""{"amount":1}"""));

        Assert.Equal("valid", Assert.Single(first.Handles!));
        Assert.Equal("invalid", Assert.Single(second.Handles!));
    }

    [Fact]
    public async Task Execute_SchemasWithSameId_DoNotShadowEachOther()
    {
        var strings = """{"schema": {"$id": "https://example.com/s", "type": "string"}}""";
        var numbers = """{"schema": {"$id": "https://example.com/s", "type": "number"}}""";

        var asString = await RunAsync(_node, strings, JsonNode.Parse("\"x\""));
        var asNumber = await RunAsync(_node, numbers, JsonNode.Parse("\"x\""));

        Assert.Equal("valid", Assert.Single(asString.Handles!));
        Assert.Equal("invalid", Assert.Single(asNumber.Handles!));
    }
}
