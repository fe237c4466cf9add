using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.Transform;

/// <summary>Reads a dotted path such as <c>customer.address.city</c> or <c>lines.0.price</c> from a JSON value.</summary>
internal static class FieldPath
{
    public static JsonNode? Get(JsonNode? value, string path)
    {
        foreach (var segment in path.Split('.', StringSplitOptions.TrimEntries))
        {
            value = value switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray arr when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < arr.Count => arr[i],
                _ => null,
            };
            if (value is null)
            {
                return null;
            }
        }
        return value;
    }
}
