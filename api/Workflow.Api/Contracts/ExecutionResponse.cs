using System.Text.Json.Nodes;

namespace Workflow.Api.Contracts;

/// <summary>
/// An execution (<c>GET /api/executions/{id}</c>, control endpoints, <c>?wait=true</c> starts). <see cref="Sequence"/>
/// is the last live-event sequence the snapshot covers: apply hub events with a higher one.
/// </summary>
public sealed record ExecutionResponse
{
    public required string Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public int WorkflowVersion { get; init; }
    /// <summary>running | waiting | paused | completed | failed | cancelled</summary>
    public required string Status { get; init; }
    public required string TriggeredBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long? DurationMs { get; init; }
    public JsonNode? Result { get; init; }
    public ErrorInfo? Error { get; init; }
    public IReadOnlyList<NodeRunResponse> Nodes { get; init; } = [];
    public long Sequence { get; init; }
}
