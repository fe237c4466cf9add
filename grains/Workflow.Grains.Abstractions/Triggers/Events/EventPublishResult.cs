namespace Workflow.Grains.Abstractions.Triggers.Events;

/// <summary>What publishing one event did: the executions it started (one per matching event trigger).</summary>
[GenerateSerializer, Immutable, Alias("wf.EventPublishResult")]
public sealed record EventPublishResult
{
    /// <summary>The ids of the started executions, in start order.</summary>
    [Id(0)] public IReadOnlyList<string> ExecutionIds { get; init; } = [];
}
