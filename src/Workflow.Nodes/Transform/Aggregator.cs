using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.If;

namespace Workflow.Nodes.Transform;

/// <summary>The statistics of the <c>aggregate</c> operation, computed over each item's selected value.</summary>
internal static class Aggregator
{
    public static NodeResult Compute(AggregateKind kind, JsonArray items, JsonNode?[] values, bool selected, string nodeId)
    {
        switch (kind)
        {
            case AggregateKind.Count:
                return NodeResult.Completed(Number(selected ? values.Count(v => v is not null) : items.Count));
            case AggregateKind.First:
                return NodeResult.Completed(values.FirstOrDefault(v => v is not null)?.DeepClone());
            case AggregateKind.Last:
                return NodeResult.Completed(values.LastOrDefault(v => v is not null)?.DeepClone());
            case AggregateKind.Distinct:
                return NodeResult.Completed(Distinct(values));
            case AggregateKind.GroupBy:
                return NodeResult.Completed(GroupBy(items, values));
        }
        var numbers = new List<decimal>(values.Length);
        var doubles = new List<double>(values.Length);
        var exact = true;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                continue;
            }
            if (!TryNumber(values[i]!, out var text))
            {
                return NodeResult.Failed("invalid_input",
                    $"Node '{nodeId}' cannot {kind.ToString().ToLowerInvariant()} item {i}: {ItemIteration.Describe(values[i])} is not a number.");
            }
            doubles.Add(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            if (exact && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                numbers.Add(d);
            }
            else
            {
                exact = false;
            }
        }
        if (kind == AggregateKind.Sum)
        {
            return exact && TrySum(numbers, out var sum) ? NodeResult.Completed(Number(sum)) : Double(doubles.Sum(), kind, nodeId);
        }
        if (doubles.Count == 0)
        {
            return NodeResult.Completed(null);
        }
        return kind switch
        {
            AggregateKind.Avg => Double(exact && TrySum(numbers, out var total) ? (double)(total / numbers.Count) : doubles.Average(), kind, nodeId),
            AggregateKind.Min => exact ? NodeResult.Completed(Number(numbers.Min())) : Double(doubles.Min(), kind, nodeId),
            _ => exact ? NodeResult.Completed(Number(numbers.Max())) : Double(doubles.Max(), kind, nodeId),
        };
    }

    private static JsonArray Distinct(JsonNode?[] values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var value in values)
        {
            if (value is not null && seen.Add(Key(value)))
            {
                result.Add(value.DeepClone());
            }
        }
        return result;
    }

    private static JsonObject GroupBy(JsonArray items, JsonNode?[] values)
    {
        var groups = new JsonObject();
        for (var i = 0; i < items.Count; i++)
        {
            var key = values[i] is { } v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Key(values[i]);
            if (groups[key] is not JsonArray group)
            {
                groups[key] = group = [];
            }
            group.Add(items[i]?.DeepClone());
        }
        return groups;
    }

    /// <summary>A canonical text of a value: numbers by value (1 and 1.0 agree), other values as JSON.</summary>
    private static string Key(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }
        return JsonNumbers.IsNumber(value) ? JsonNumbers.CanonicalText(value) : value.ToJsonString();
    }

    /// <summary>Numbers, and strings holding a number (CSV and form data arrive as text).</summary>
    private static bool TryNumber(JsonNode value, out string text)
    {
        text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>().Trim(),
            _ => "",
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
    }

    private static bool TrySum(List<decimal> numbers, out decimal sum)
    {
        sum = 0;
        try
        {
            foreach (var n in numbers)
            {
                sum += n;
            }
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// A number backed by its JSON text, so readers may take it as int, double or decimal alike; decimals lose
    /// trailing zeros (1.50 + 1.50 is written as 3, not 3.00).
    /// </summary>
    private static JsonNode Number(decimal value) => JsonNode.Parse(JsonNumbers.Normalize(value).ToString(CultureInfo.InvariantCulture))!;

    private static NodeResult Double(double value, AggregateKind kind, string nodeId) => double.IsFinite(value)
        ? NodeResult.Completed(JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture)))
        : NodeResult.Failed("invalid_input", $"Node '{nodeId}': the {kind.ToString().ToLowerInvariant()} is out of range.");
}
