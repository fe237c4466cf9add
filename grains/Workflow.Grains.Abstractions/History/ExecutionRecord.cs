namespace Workflow.Grains.Abstractions.History;

/// <summary>One row of the execution history store (<c>workflow_execution</c>).</summary>
[GenerateSerializer, Immutable, Alias("wf.ExecutionRecord")]
public sealed record ExecutionRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string TenantId { get; init; }
    [Id(2)] public required Guid WorkflowId { get; init; }
    [Id(3)] public int WorkflowVersion { get; init; }
    /// <summary>Wire status: running, waiting, paused, completed, failed, cancelled.</summary>
    [Id(4)] public required string Status { get; init; }
    /// <summary>manual, webhook, schedule, event, subworkflow, retry…</summary>
    [Id(5)] public string TriggeredBy { get; init; } = "manual";
    [Id(6)] public DateTimeOffset StartedAt { get; init; }
    [Id(7)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(8)] public long? DurationMs { get; init; }
    [Id(9)] public string? ErrorCode { get; init; }
    [Id(10)] public string? ErrorMessage { get; init; }
    [Id(11)] public string? WorkflowName { get; init; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// Per-node timings of a finished execution, as JSON <c>{"nodeId": [durationMs, failed 0|1], …}</c>; written with the
    /// terminal row only (null while running).
    /// </summary>
    [Id(13)] public string? NodeTimingsJson { get; init; }
}
