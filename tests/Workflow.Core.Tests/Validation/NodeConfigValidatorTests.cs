using System.Text.Json;
using Json.Schema;
using Workflow.Core.Tests.Validation.Fakes;
using Workflow.Core.Validation;
using static Workflow.Core.Tests.Validation.Fakes.TestWorkflows;

namespace Workflow.Core.Tests.Validation;

public sealed class NodeConfigValidatorTests
{
    private static ValidationResult ValidateAction(string config) =>
        Validate(Document([Node("start", "trigger"), Node("act", "action", config)], [Edge("e1", "start", "act")]));

    [Fact]
    public void Validate_ConfigMatchingSchema_IsValid()
    {
        var result = ValidateAction("""{"durationSeconds": 5, "text": "hi", "to": ["a@example.com"], "timeoutSeconds": 30, "onError": "continue"}""");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_WrongValueForIntegerField_ReportsInvalidConfigWithPointer()
    {
        var result = ValidateAction("""{"durationSeconds": "soon"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationCodes.InvalidConfig, error.Code);
        Assert.Equal("act", error.NodeId);
        Assert.Contains("'/durationSeconds'", error.Message);
    }

    [Theory]
    [InlineData("""{"durationSeconds": "{{ vars.n }}"}""")]
    [InlineData("""{"durationSeconds": "{{ nodes.start.output.count * 2 }}", "timeoutSeconds": "{{ vars.t }}"}""")]
    [InlineData("""{"to": "{{ vars.recipients }}"}""")]
    public void Validate_ExpressionForNonStringField_IsValid(string config)
    {
        Assert.Empty(ValidateAction(config).Errors);
    }

    [Fact]
    public void Validate_TextAroundExpressionInIntegerField_ReportsInvalidConfig()
    {
        // Spliced text is a string, not a whole-value expression, so the integer type still applies.
        Assert.Equal([ValidationCodes.InvalidConfig], ValidateAction("""{"durationSeconds": "about {{ vars.n }}"}""").Codes());
    }

    [Fact]
    public void Validate_UnknownConfigMember_ReportsInvalidConfigAtThatMember()
    {
        var error = Assert.Single(ValidateAction("""{"durationSecs": 5}""").Errors);

        Assert.Equal(ValidationCodes.InvalidConfig, error.Code);
        Assert.Contains("'/durationSecs'", error.Message);
    }

    [Fact]
    public void Validate_UnknownMemberHoldingAnExpression_StillReportsInvalidConfig()
    {
        Assert.Equal([ValidationCodes.InvalidConfig], ValidateAction("""{"durationSecs": "{{ 5 }}"}""").Codes());
    }

    [Fact]
    public void Validate_TwoBadValues_ReportsOneErrorPerLocation()
    {
        var result = ValidateAction("""{"durationSeconds": true, "timeoutSeconds": 0, "onError": "explode"}""");

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ValidationCodes.InvalidConfig, e.Code));
        Assert.Contains(result.Errors, e => e.Message.Contains("'/timeoutSeconds'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("'/onError'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public void Validate_MissingRequiredMember_ReportsInvalidConfigNamingIt(string? config)
    {
        var document = Document(
            [Node("start", "trigger"), Node("check", "if", config), Node("yes", "note")],
            [Edge("e1", "start", "check"), Edge("e2", "check", "yes", "true")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.InvalidConfig, error.Code);
        Assert.Contains("condition", error.Message);
    }

    [Fact]
    public void Validate_ValueOutsideEnum_ReportsInvalidConfig()
    {
        var document = Document([Node("start", "trigger", """{"kind": "telepathy"}"""), Node("act", "action")], [Edge("e1", "start", "act")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.InvalidConfig, error.Code);
        Assert.Contains("'/kind'", error.Message);
        Assert.Contains("\"manual\", \"webhook\"", error.Message);
    }

    [Fact]
    public void Validate_NestedValueWrong_ReportsTheNestedPointer()
    {
        var document = Document(
            [Node("start", "trigger"), Node("sw", "switch", """{"cases": [{"value": "a", "handle": 7}]}""")],
            [Edge("e1", "start", "sw")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.InvalidConfig, error.Code);
        Assert.Contains("'/cases/0/handle'", error.Message);
    }

    [Fact]
    public void SchemaFor_SameDescriptor_ReturnsCachedSchema()
    {
        var descriptor = Registry.Get("action").Descriptor;

        Assert.Same(NodeConfigValidator.SchemaFor(descriptor), NodeConfigValidator.SchemaFor(descriptor));
    }

    [Fact]
    public void ConfigSchema_ExpressionForIntegerField_AcceptedBySchemaAlone()
    {
        var schema = NodeConfigValidator.SchemaFor(new FakeActionNode().Descriptor);
        using var instance = JsonDocument.Parse("""{"durationSeconds": "{{ vars.n }}"}""");

        Assert.True(schema.Evaluate(instance.RootElement, new EvaluationOptions()).IsValid);
    }
}
