using System.Text.Json.Serialization;
using Workflow.Core.Execution;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Executions;

/// <summary>
/// The checkpoint of an execution grain, rewritten after every node: the engine state and what the grain needs
/// around it. The workflow document never changes during a run, so it is not in the checkpoint: an execution of a
/// saved version refers to that version (<see cref="PinnedToVersion"/>), any other keeps a copy in its own row
/// (<see cref="ExecutionPin"/>), written once at the start. A checkpoint stays a few kilobytes however large the
/// workflow is.
/// </summary>
public sealed class ExecutionGrainState : IRecoverableState
{
    public string TenantId { get; set; } = "";
    public Guid WorkflowId { get; set; }
    public int WorkflowVersion { get; set; }

    /// <summary>True once the execution started with its own copy of the workflow document, in the <see cref="ExecutionPin"/> row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Pinned { get; set; }

    /// <summary>
    /// True once the execution started on a saved workflow version: its document is that version's
    /// (<c>IWorkflowVersionGrain</c>), read when the execution is reactivated; there is no <see cref="ExecutionPin"/> row.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PinnedToVersion { get; set; }

    /// <summary>The workflow document inside the checkpoint, as rows written before <see cref="ExecutionPin"/> kept it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WorkflowJson { get; set; }

    public string TriggeredBy { get; set; } = "manual";
    public ExecutionState Execution { get; set; } = new();

    /// <summary>Sub-workflow: the parent execution's grain key and waiting node.</summary>
    public string? ParentKey { get; set; }
    public string? ParentNodeId { get; set; }

    /// <summary>Child outcomes that arrived before their node was parked (applied on the next turn).</summary>
    public Dictionary<string, ChildOutcome> ChildOutcomes { get; set; } = [];

    /// <summary>True while a wake-up reminder is registered (so finishing needs no reminder lookup otherwise).</summary>
    public bool HasWakeReminder { get; set; }

    /// <summary>The sequence number of the last live event (persisted, so it keeps increasing across reactivations).</summary>
    public long EventSequence { get; set; }

    /// <summary>False until <c>StartAsync</c> ran: the grain then answers as an unknown execution.</summary>
    [JsonIgnore]
    public bool IsStarted => Pinned || PinnedToVersion || !string.IsNullOrEmpty(WorkflowJson);

    /// <summary>Non-terminal executions are resumed after a restart.</summary>
    [JsonIgnore]
    public bool NeedsRecovery => IsStarted && !Execution.Status.IsTerminal();
}

/// <summary>The workflow document an execution runs, exactly as it was when the execution started.</summary>
public sealed class ExecutionPin
{
    public string? WorkflowJson { get; set; }
}
