namespace Workflow.Api.Contracts;

/// <summary>One row of <c>GET /api/executions</c>.</summary>
public sealed record ExecutionSummary
{
    public required string Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public string? WorkflowName { get; init; }
    public int WorkflowVersion { get; init; }
    public required string Status { get; init; }
    public required string TriggeredBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long? DurationMs { get; init; }
    public ErrorInfo? Error { get; init; }
}
