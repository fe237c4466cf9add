using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace Workflow.Core.Expressions;

/// <summary>
/// Builds fresh JS values of one engine from JSON nodes, without CLR interop: objects become plain objects
/// (keys such as <c>__proto__</c> are ordinary own properties, as with <c>JSON.parse</c>), arrays become
/// arrays, strings stay strings — they are data and are never evaluated.
/// </summary>
internal sealed class JsonToJsConverter(Engine engine)
{
    /// <summary>Deeper input is refused rather than risking the host's stack.</summary>
    public const int MaxDepth = 512;

    public JsObject NewObject() => new(engine);

    public JsValue Convert(JsonNode? node) => Convert(node, 0);

    private JsValue Convert(JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
            {
                EnsureDepth(depth);
                var result = new JsObject(engine);
                foreach (var (key, value) in obj)
                {
                    result.FastSetDataProperty(key, Convert(value, depth + 1));
                }

                return result;
            }
            case JsonArray array:
            {
                EnsureDepth(depth);
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Convert(array[i], depth + 1);
                }

                return new JsArray(engine, items);
            }
            case JsonValue value:
                return ConvertValue(value, depth);
            default:
                return JsValue.Undefined;
        }
    }

    private JsValue ConvertValue(JsonValue value, int depth)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.TryGetValue<string>(out var text) ? JsString.Create(text) : JsString.Create(ReadOtherString(value));
            case JsonValueKind.Number:
                return JsNumber.Create(ReadNumber(value));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Null:
                return JsValue.Null;
            case JsonValueKind.Object or JsonValueKind.Array:
                // A JsonValue wrapping a CLR object or a JsonElement: go through its JSON text.
                return Convert(JsonNode.Parse(value.ToJsonString()), depth);
            default:
                return JsValue.Undefined;
        }
    }

    private static double ReadNumber(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        if (value.TryGetValue<float>(out var f))
        {
            return f;
        }

        if (value.TryGetValue<ulong>(out var ul))
        {
            return ul;
        }

        // Other CLR numeric types (short, byte, uint, …): their JSON text is a plain number.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetDouble();
    }

    private static string ReadOtherString(JsonValue value)
    {
        // A JsonValue over a Guid, DateTime, char, enum…: its JSON text is a string literal.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }

    private static void EnsureDepth(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ExpressionException(ExpressionErrorCodes.Error,
                $"Scope data is nested deeper than {MaxDepth} levels.");
        }
    }
}
