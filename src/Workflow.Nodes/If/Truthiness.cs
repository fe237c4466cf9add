using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.If;

/// <summary>JavaScript truthiness of an expression result, so conditions behave as they would in the script.</summary>
internal static class Truthiness
{
    public static bool IsTruthy(JsonNode? value)
    {
        if (value is null)
        {
            return false;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => JsonNumbers.TryGetDouble(value, out var d) && d != 0 && !double.IsNaN(d),
            _ => true,
        };
    }
}
