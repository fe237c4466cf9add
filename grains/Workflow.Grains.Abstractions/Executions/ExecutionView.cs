namespace Workflow.Grains.Abstractions.Executions;

/// <summary>The execution as <c>GET /api/executions/{id}</c> shows it. JSON payloads travel as text.</summary>
[GenerateSerializer, Immutable, Alias("wf.ExecutionView")]
public sealed record ExecutionView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required Guid WorkflowId { get; init; }
    [Id(2)] public int WorkflowVersion { get; init; }
    [Id(3)] public required string Status { get; init; }
    [Id(4)] public string TriggeredBy { get; init; } = "manual";
    [Id(5)] public DateTimeOffset StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(7)] public long? DurationMs { get; init; }
    [Id(8)] public string? ResultJson { get; init; }
    [Id(9)] public ExecutionErrorView? Error { get; init; }
    [Id(10)] public IReadOnlyList<NodeView> Nodes { get; init; } = [];
    /// <summary>The sequence of the last live event this view includes (merge live events with a higher one).</summary>
    [Id(11)] public long Sequence { get; init; }
}
