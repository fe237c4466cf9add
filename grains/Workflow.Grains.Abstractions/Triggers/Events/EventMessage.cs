namespace Workflow.Grains.Abstractions.Triggers.Events;

/// <summary>
/// An event as <c>POST /api/events</c> receives it and as it travels on the <c>events</c> stream of its tenant.
/// <see cref="DataJson"/> is data: it is never evaluated as an expression.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.EventMessage")]
public sealed record EventMessage
{
    /// <summary>The event type, e.g. <c>order.completed</c>; matched exactly against a trigger's <c>eventType</c>.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>Who sent it (free text), or null.</summary>
    [Id(1)] public string? Source { get; init; }

    /// <summary>The payload as JSON text, or null.</summary>
    [Id(2)] public string? DataJson { get; init; }

    /// <summary>When the API received it.</summary>
    [Id(3)] public DateTimeOffset ReceivedAt { get; init; }
}
