namespace Workflow.Grains.Abstractions.Executions;

/// <summary>One node's state within an execution.</summary>
[GenerateSerializer, Immutable, Alias("wf.NodeView")]
public sealed record NodeView
{
    [Id(0)] public required string NodeId { get; init; }
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public int Attempts { get; init; }
    [Id(3)] public DateTimeOffset? StartedAt { get; init; }
    [Id(4)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(5)] public string? OutputJson { get; init; }
    [Id(6)] public ExecutionErrorView? Error { get; init; }
    /// <summary>How many times the node's executor ran in this execution (loops and retries count).</summary>
    [Id(7)] public int Runs { get; init; }
}
