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
    /// <summary>Sub-workflow: the parent execution's grain key and node, told when this execution ends.</summary>
    [Id(6)] public string? ParentKey { get; init; }
    [Id(7)] public string? ParentNodeId { get; init; }
    /// <summary>Sub-workflow nesting: 0 for a top-level execution.</summary>
    [Id(8)] public int Depth { get; init; }
    /// <summary>
    /// The caller waits for the outcome and has acknowledged nothing yet (a webhook answering with the result, with a
    /// random execution id): the start needs no checkpoint of its own; the first durable one comes before any node with
    /// side effects, before parking, and when the run settles. A crash before it loses a run nobody was told about.
    /// </summary>
    [Id(9)] public bool CallerAwaitsOutcome { get; init; }

    /// <summary>
    /// When set, the start answers once the run settled (ended, or waiting with nothing running) or this much time
    /// passed, as a following <see cref="IExecutionGrain.WaitAsync"/> would: one grain call instead of two.
    /// </summary>
    [Id(10)] public TimeSpan? WaitForOutcome { get; init; }

    /// <summary>
    /// <see cref="WorkflowJson"/> is the saved version <see cref="WorkflowVersion"/> of the workflow (versions never
    /// change), so the execution refers to that version instead of storing its own copy of the document. False for a
    /// document that was never saved as that version: it is then copied into the execution's storage.
    /// </summary>
    [Id(11)] public bool IsSavedVersion { get; init; }

    /// <summary>When set, the answer's node views carry outputs only for these nodes (null: every node's).</summary>
    [Id(12)] public IReadOnlyList<string>? AnswerOutputsOf { get; init; }

    /// <summary>
    /// The caller drew this execution's id at random just now (<c>ExecutionIds.New</c>), so nothing can be stored
    /// under it yet and the grain need not read its storage before starting. Never set for a deterministic id (a
    /// scheduled instant, a webhook delivery): those must find the execution a first start stored.
    /// </summary>
    [Id(13)] public bool IsNewExecution { get; init; }
}
