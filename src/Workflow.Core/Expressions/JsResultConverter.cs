using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Workflow.Core.Expressions;

/// <summary>
/// Converts a script's result into JSON with <c>JSON.stringify</c> semantics, computed inside the sandbox so
/// getters and <c>toJSON</c> run under the limits: <c>undefined</c>, functions and symbols become null (and
/// are dropped from objects), <c>NaN</c>/<c>Infinity</c> become null, a <c>Date</c> becomes its ISO string,
/// <c>Map</c>/<c>Set</c> become <c>{}</c>, a cycle is an <c>expression_error</c>. BigInt becomes a JSON number.
/// Numbers are JsonElement-backed, so <c>GetValue&lt;int&gt;()</c>, <c>&lt;long&gt;</c>, <c>&lt;double&gt;</c>
/// and <c>&lt;decimal&gt;</c> all work as they do on parsed JSON.
/// </summary>
internal static class JsResultConverter
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 1024 };

    public static JsonNode? ToJsonNode(SandboxEngine engine, JsValue value)
    {
        switch (value.Type)
        {
            case Types.Undefined or Types.Null or Types.Symbol or Types.Empty:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                return JsonValue.Create(value.AsString());
            case Types.Number:
                return NumberNode(value.AsNumber());
            case Types.BigInt:
                return JsonNode.Parse(TypeConverter.ToBigInt(value).ToString(CultureInfo.InvariantCulture));
        }

        if (value.IsCallable())
        {
            return null;
        }

        var json = engine.Stringify(value);
        return json.IsString() ? JsonNode.Parse(json.AsString(), NodeOptions, DocumentOptions) : null;
    }

    /// <summary>
    /// Text spliced into a template: strings as is, numbers and booleans as JavaScript prints them, null and
    /// undefined as nothing, dates as ISO strings, objects and arrays as JSON text.
    /// </summary>
    public static string ToTemplateText(SandboxEngine engine, JsValue value)
    {
        switch (value.Type)
        {
            case Types.Undefined or Types.Null or Types.Symbol or Types.Empty:
                return string.Empty;
            case Types.String:
                return value.AsString();
            case Types.Boolean or Types.Number or Types.BigInt:
                return TypeConverter.ToString(value);
        }

        if (value.IsCallable())
        {
            return string.Empty;
        }

        if (value.IsDate())
        {
            var time = value.AsDate().DateValue;
            return double.IsFinite(time) ? ScopeBinder.FormatIso(DateTimeOffset.FromUnixTimeMilliseconds((long)time)) : string.Empty;
        }

        var json = engine.Stringify(value);
        return json.IsString() ? json.AsString() : string.Empty;
    }

    private static JsonNode? NumberNode(double number)
    {
        if (!double.IsFinite(number))
        {
            return null;
        }

        var text = number == Math.Floor(number) && Math.Abs(number) < 9007199254740992d
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
        return JsonNode.Parse(text);
    }
}
