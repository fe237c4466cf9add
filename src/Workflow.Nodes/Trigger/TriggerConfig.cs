using System.ComponentModel;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Trigger;

/// <summary>How a workflow starts. Webhook, schedule and event fields are used by their trigger grains.</summary>
public sealed record TriggerConfig
{
    [Description("manual, webhook, schedule or event.")]
    public TriggerKind Kind { get; init; } = TriggerKind.Manual;

    [Description("Webhook: path under /hooks/{tenant}/.")]
    public string? Path { get; init; }

    [Description("Webhook: HTTP method (GET, POST, … or ANY).")]
    public string? Method { get; init; }

    [Description("Webhook: onReceived, lastNode or respondNode.")]
    public string? ResponseMode { get; init; }

    [Description("Webhook: {type: hmac, secret} or {type: apiKey, header, value}.")]
    public JsonObject? Auth { get; init; }

    [Description("Schedule: cron expression with 5 or 6 fields.")]
    public string? Cron { get; init; }

    [Description("Schedule: IANA time zone, e.g. Europe/Paris.")]
    public string? Timezone { get; init; }

    [Description("Schedule: first instant to fire (ISO 8601).")]
    public string? StartAt { get; init; }

    [Description("Schedule: last instant to fire (ISO 8601).")]
    public string? EndAt { get; init; }

    [Description("Schedule: fireOnce (default) or skip for instants missed while down.")]
    public string? Misfire { get; init; }

    [Description("Event: event type to match, e.g. order.completed.")]
    public string? EventType { get; init; }

    [Description("Event: expressions over `event` that must all be true.")]
    [RawExpression]
    public IReadOnlyList<string>? Conditions { get; init; }

    [Description("Event: ignore further matching events for this many milliseconds.")]
    public int? DebounceMs { get; init; }
}

/// <summary>Trigger kinds.</summary>
public enum TriggerKind { Manual, Webhook, Schedule, Event }
