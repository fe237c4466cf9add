namespace Workflow.Core.Execution;

/// <summary>What the driver needs from whoever hosts an execution (the execution grain, or a test).</summary>
public interface IExecutionHost
{
    /// <summary>
    /// Persists the state durably; returns once it is stored. The driver calls it after completed nodes, except
    /// that the state after side-effect-free nodes followed by side-effect-free nodes is folded into the next call.
    /// </summary>
    Task CheckpointAsync(ExecutionState state, CancellationToken cancellationToken);

    /// <summary>Told about every node transition (for live progress); must not block.</summary>
    void OnNodeEvent(NodeEvent nodeEvent);
}
