using System.Text.Json;

namespace Workflow.Core.Validation;

/// <summary>Checks raw JSON for well-formedness and nesting depth without recursion, before anything is built from it.</summary>
internal static class JsonDepthScanner
{
    /// <summary>Null when <paramref name="utf8Json"/> is one well-formed JSON value nested at most <paramref name="maxDepth"/> deep.</summary>
    public static ValidationError? Scan(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        // One level of headroom so the reader hands us the first too-deep token instead of throwing on it.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return TooDeep(maxDepth, $" (line {LineOf(utf8Json, reader.TokenStartIndex)})");
                }
            }
            return null;
        }
        catch (JsonException ex)
        {
            return new ValidationError(ValidationCodes.InvalidJson,
                $"Malformed JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {DocumentErrorText.WithoutPosition(ex.Message)}");
        }
    }

    /// <summary>Null when <paramref name="element"/> is nested at most <paramref name="maxDepth"/> deep (iterative walk).</summary>
    public static ValidationError? Scan(JsonElement element, int maxDepth)
    {
        var stack = new Stack<(JsonElement Element, int Depth)>();
        stack.Push((element, 1));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            if (current.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }
            if (depth > maxDepth)
            {
                return TooDeep(maxDepth, "");
            }
            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    stack.Push((property.Value, depth + 1));
                }
            }
            else
            {
                foreach (var item in current.EnumerateArray())
                {
                    stack.Push((item, depth + 1));
                }
            }
        }
        return null;
    }

    private static ValidationError TooDeep(int maxDepth, string where) =>
        new(ValidationCodes.TooDeep, $"The document is nested more than {maxDepth} levels deep{where}.");

    private static long LineOf(ReadOnlySpan<byte> utf8Json, long index) =>
        utf8Json[..(int)Math.Min(index, utf8Json.Length)].Count((byte)'\n') + 1;
}
