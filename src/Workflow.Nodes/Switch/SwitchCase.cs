using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Nodes.If;

namespace Workflow.Nodes.Switch;

/// <summary>One case of a <c>switch</c> node: the value to match and the handle to take.</summary>
public sealed record SwitchCase
{
    [Description("Value compared with the expression's result (JSON equality; numbers by value). May be an expression.")]
    public JsonNode? Value { get; init; }

    [Description("Output handle taken when this case matches. Defaults to the value as text.")]
    public string? Handle { get; init; }

    /// <summary>The handle this case takes: <see cref="Handle"/>, or the value as text ("1", "true", "gold").</summary>
    internal string HandleId() => string.IsNullOrEmpty(Handle) ? ValueText(Value) : Handle;

    private static string ValueText(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }
        if (value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }
        return JsonNumbers.IsNumber(value) ? JsonNumbers.CanonicalText(value) : value.ToJsonString();
    }
}
