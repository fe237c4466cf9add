using System.Text.Json.Nodes;
using Workflow.Grains.Abstractions.Triggers.Events;

namespace Workflow.Grains.Triggers.Events;

/// <summary>The JSON an event becomes: <c>{type, source, data}</c>, the <c>event</c> of conditions and the trigger data.</summary>
public static class EventTriggerData
{
    /// <summary>A fresh <c>{type, source, data}</c> object for <paramref name="message"/>; data is parsed, never evaluated.</summary>
    public static JsonObject From(EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["type"] = message.Type,
            ["source"] = message.Source,
            ["data"] = message.DataJson is null ? null : JsonNode.Parse(message.DataJson),
        };
    }

    /// <summary>JavaScript truthiness of an expression result.</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
