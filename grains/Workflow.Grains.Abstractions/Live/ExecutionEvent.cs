using Workflow.Grains.Abstractions.Executions;

namespace Workflow.Grains.Abstractions.Live;

/// <summary>
/// One live event of an execution, as it travels on the execution-event stream (one message per event).
/// <see cref="Sequence"/> is per execution and strictly increasing, also across grain reactivations.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.ExecutionEvent")]
public sealed record ExecutionEvent
{
    /// <summary>The hub method name, one of <see cref="ExecutionEventNames"/>.</summary>
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Tenant { get; init; }
    [Id(2)] public required string ExecutionId { get; init; }
    [Id(3)] public required Guid WorkflowId { get; init; }
    [Id(4)] public required long Sequence { get; init; }
    [Id(5)] public required DateTimeOffset Timestamp { get; init; }
    [Id(6)] public string? NodeId { get; init; }
    /// <summary>The node's status for node events, the execution's status for <see cref="ExecutionEventNames.ExecutionStatusChanged"/>.</summary>
    [Id(7)] public required string Status { get; init; }
    [Id(8)] public int? Attempt { get; init; }
    [Id(9)] public long? DurationMs { get; init; }
    [Id(10)] public ExecutionErrorView? Error { get; init; }
    /// <summary>The node's output as JSON text; when <see cref="OutputTruncated"/>, only its first characters (not valid JSON).</summary>
    [Id(11)] public string? OutputJson { get; init; }
    [Id(12)] public bool OutputTruncated { get; init; }
}
