using System.ComponentModel;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Validate;

/// <summary>Config of the <c>validate</c> node.</summary>
[Description("Checks a value against a JSON Schema.")]
public sealed record ValidateConfig
{
    [Description("JSON Schema (draft 2020-12 unless $schema says otherwise), or an expression giving one. Formats such as 'email' are checked. Remote $refs are not fetched.")]
    [RawExpression]
    public JsonNode? Schema { get; init; }

    [Description("The value to check (a value or an expression such as {{ trigger.body }}). Defaults to the input.")]
    public JsonNode? Value { get; init; }
}
