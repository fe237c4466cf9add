using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Nodes.If;

namespace Workflow.Nodes.Switch;

/// <summary>Structural JSON equality; numbers compare by value (1 == 1.0), object key order is ignored.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        var ka = a?.GetValueKind() ?? JsonValueKind.Null;
        var kb = b?.GetValueKind() ?? JsonValueKind.Null;
        if (ka != kb)
        {
            return false;
        }
        return ka switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Undefined => true,
            JsonValueKind.Number => JsonNumbers.NumericEquals(a!, b!),
            JsonValueKind.String => string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Array => ArraysEqual(a!.AsArray(), b!.AsArray()),
            JsonValueKind.Object => ObjectsEqual(a!.AsObject(), b!.AsObject()),
            _ => false,
        };
    }

    private static bool ArraysEqual(JsonArray a, JsonArray b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ObjectsEqual(JsonObject a, JsonObject b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var (key, value) in a)
        {
            if (!b.TryGetPropertyValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }
        return true;
    }
}
