using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Execution-level control: pause, resume, signals, failure, cancellation and retry.</summary>
public sealed partial class ExecutionPlanner
{
    /// <summary>Pauses a running or waiting execution: nodes in flight finish, nothing new starts. False when not possible.</summary>
    public bool Pause(ExecutionState state)
    {
        if (state.Status is not (ExecutionStatus.Running or ExecutionStatus.Waiting))
        {
            return false;
        }
        state.Status = ExecutionStatus.Paused;
        return true;
    }

    /// <summary>Resumes a paused execution (due delays and timeouts that passed meanwhile fire at once).</summary>
    public bool Resume(ExecutionState state)
    {
        if (state.Status != ExecutionStatus.Paused)
        {
            return false;
        }
        state.Status = ExecutionStatus.Running;
        return true;
    }

    /// <summary>Delivers an external signal to a waiting node: it completes with the payload on its <c>out</c> handle.</summary>
    public SignalOutcome Signal(ExecutionState state, string nodeId, JsonNode? payload, DateTimeOffset now)
    {
        if (!Graph.Nodes.ContainsKey(nodeId))
        {
            return SignalOutcome.UnknownNode;
        }
        var node = state.Node(nodeId);
        if (state.Status.IsTerminal() || node.Status != NodeStatus.Waiting || !node.AwaitingSignal)
        {
            return SignalOutcome.NotWaiting;
        }
        Complete(state, nodeId, NodeResult.Completed(payload), now);
        return SignalOutcome.Delivered;
    }

    /// <summary>Ends the execution as failed.</summary>
    public void FailExecution(ExecutionState state, string? nodeId, NodeError error, DateTimeOffset now)
    {
        if (state.Status.IsTerminal())
        {
            return;
        }
        state.Status = ExecutionStatus.Failed;
        state.Error = error;
        state.FailedNodeId = nodeId ?? state.FailedNodeId;
        state.CompletedAt = now;
        CancelUnfinished(state, now);
    }

    /// <summary>Ends the execution as cancelled.</summary>
    public void CancelExecution(ExecutionState state, DateTimeOffset now)
    {
        if (state.Status.IsTerminal())
        {
            return;
        }
        state.Status = ExecutionStatus.Cancelled;
        state.CompletedAt = now;
        CancelUnfinished(state, now);
    }

    /// <summary>
    /// Prepares a failed execution to continue from where it failed: failed and cancelled nodes, nodes skipped
    /// because of the failure, and failure edges go back to pending; completed nodes keep their outputs.
    /// </summary>
    public void PrepareRetry(ExecutionState state)
    {
        foreach (var (id, node) in state.Nodes)
        {
            if (node.Status is NodeStatus.Failed or NodeStatus.Cancelled || node.SkippedByFailure)
            {
                state.Nodes[id] = new NodeState { Runs = node.Runs };
            }
        }
        foreach (var edge in Graph.Definition.Edges)
        {
            // Failure edges and edges out of reset nodes deliver again; edges out of completed nodes keep their decision.
            if (state.Edge(edge.Id) == EdgeStatus.Failed || state.Node(edge.Source).Status == NodeStatus.Pending)
            {
                state.Edges[edge.Id] = EdgeStatus.Pending;
            }
        }
        state.Status = ExecutionStatus.Running;
        state.Error = null;
        state.FailedNodeId = null;
        state.CompletedAt = null;
        state.Result = null;
    }

    private static void CancelUnfinished(ExecutionState state, DateTimeOffset now)
    {
        foreach (var node in state.Nodes.Values)
        {
            if (node.Status is NodeStatus.Running or NodeStatus.Waiting)
            {
                node.Status = NodeStatus.Cancelled;
                node.CompletedAt = now;
                node.AwaitingSignal = false;
                node.ResumeAt = null;
            }
            else if (node.Status == NodeStatus.Pending)
            {
                node.Status = NodeStatus.Cancelled;
                node.ResumeAt = null;
            }
        }
    }
}
