namespace Workflow.Grains.Abstractions.Executions;

/// <summary>What an execution starts from: the pinned workflow version and the trigger data.</summary>
[GenerateSerializer, Immutable, Alias("wf.StartExecution")]
public sealed record StartExecution
{
    [Id(0)] public required Guid WorkflowId { get; init; }
    [Id(1)] public required int WorkflowVersion { get; init; }
    /// <summary>The workflow document of that version (pinned copy).</summary>
    [Id(2)] public required string WorkflowJson { get; init; }
    [Id(3)] public string? TriggerNodeId { get; init; }
    /// <summary>Trigger data as JSON (a manual run's input).</summary>
    [Id(4)] public string? TriggerJson { get; init; }
    [Id(5)] public string TriggeredBy { get; init; } = "manual";
}
