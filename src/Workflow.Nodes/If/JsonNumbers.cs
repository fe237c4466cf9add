using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.If;

/// <summary>Reads JSON numbers whatever CLR type backs the <see cref="JsonValue"/> (parsed text, int, double…).</summary>
internal static class JsonNumbers
{
    public static bool IsNumber(JsonNode? value) => value is JsonValue && value.GetValueKind() == JsonValueKind.Number;

    public static bool TryGetDouble(JsonNode? value, out double number)
    {
        number = 0;
        if (!IsNumber(value))
        {
            return false;
        }
        var v = (JsonValue)value!;
        if (v.TryGetValue(out number))
        {
            return true;
        }
        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Exact when both fit a decimal (large integers, money), otherwise by double value.</summary>
    public static bool NumericEquals(JsonNode a, JsonNode b)
    {
        if (decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return da == db;
        }
        return TryGetDouble(a, out var x) && TryGetDouble(b, out var y) && x.Equals(y);
    }

    /// <summary>The number as short invariant text: 1.0 → "1", 1.50 → "1.5", large integers without an exponent.</summary>
    public static string CanonicalText(JsonNode value)
    {
        var text = value.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return Normalize(d).ToString(CultureInfo.InvariantCulture);
        }
        return TryGetDouble(value, out var x) ? x.ToString("R", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>Drops trailing zeros of a decimal's scale (3.00 → 3).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
