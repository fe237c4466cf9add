namespace Workflow.Core.Execution;

/// <summary>What delivering a signal to a node did.</summary>
public enum SignalOutcome
{
    /// <summary>The node was waiting for it and completed with the payload.</summary>
    Delivered,
    /// <summary>The node exists but is not waiting for a signal (finished, not reached, or not a wait node).</summary>
    NotWaiting,
    /// <summary>No such node in the workflow.</summary>
    UnknownNode,
}
