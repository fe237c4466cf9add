namespace Workflow.Grains.Abstractions.Executions;

/// <summary>How a sub-workflow execution ended, as told to its parent.</summary>
[GenerateSerializer, Immutable, Alias("wf.ChildOutcome")]
public sealed record ChildOutcome
{
    [Id(0)] public required string ParentNodeId { get; init; }
    [Id(1)] public required string ChildExecutionId { get; init; }
    /// <summary>completed, failed or cancelled.</summary>
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public string? ResultJson { get; init; }
    [Id(4)] public string? ErrorCode { get; init; }
    [Id(5)] public string? ErrorMessage { get; init; }
}
