using System.Text.Json.Nodes;

namespace Workflow.Api.Contracts;

/// <summary>One node of an execution as <c>GET /api/executions/{id}</c> shows it.</summary>
public sealed record NodeRunResponse
{
    public required string NodeId { get; init; }
    /// <summary>pending | running | waiting | completed | failed | skipped | cancelled</summary>
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public int Runs { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public JsonNode? Output { get; init; }
    public ErrorInfo? Error { get; init; }
}
