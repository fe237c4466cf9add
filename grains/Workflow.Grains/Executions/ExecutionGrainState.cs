using Workflow.Core.Execution;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Executions;

/// <summary>The checkpoint of an execution grain: the pinned workflow and the engine state.</summary>
public sealed class ExecutionGrainState : IRecoverableState
{
    public string TenantId { get; set; } = "";
    public Guid WorkflowId { get; set; }
    public int WorkflowVersion { get; set; }
    public string WorkflowJson { get; set; } = "";
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

    /// <summary>Non-terminal executions are resumed after a restart.</summary>
    public bool NeedsRecovery => WorkflowJson.Length > 0 && !Execution.Status.IsTerminal();
}
