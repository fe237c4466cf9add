using System.Text.Json.Nodes;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Planning: readiness, merges, skip and failure propagation, completion.</summary>
public sealed partial class ExecutionPlanner
{
    /// <summary>
    /// Propagates skips and failures until nothing changes, completes due delays, and returns the nodes ready
    /// to run (loop nodes whose iteration just finished included). Sets the execution's final status when done.
    /// </summary>
    public PlanResult Plan(ExecutionState state, DateTimeOffset now)
    {
        if (state.Status.IsTerminal() || state.Status == ExecutionStatus.Paused)
        {
            return PlanResult.None;
        }
        var ready = new List<string>();
        var cancel = new List<string>();
        bool changed;
        do
        {
            changed = false;
            ready.Clear();
            foreach (var node in Graph.Definition.Nodes)
            {
                changed |= Step(state, node, now, ready, cancel);
                if (state.Status.IsTerminal())
                {
                    return new PlanResult([], cancel, null);
                }
            }
        }
        while (changed);

        DateTimeOffset? wake = state.Deadline;
        var busy = ready.Count > 0;
        foreach (var node in state.Nodes.Values)
        {
            busy |= node.Status == NodeStatus.Running;
            if (node.ResumeAt is { } at && (node.Status == NodeStatus.Waiting || node.Status == NodeStatus.Pending))
            {
                wake = wake is null || at < wake ? at : wake;
            }
        }
        if (!busy && !state.Nodes.Values.Any(n => n.Status == NodeStatus.Waiting || (n.Status == NodeStatus.Pending && n.ResumeAt is not null)))
        {
            Finish(state, now);
            return new PlanResult([], cancel, null);
        }
        state.Status = busy ? ExecutionStatus.Running : ExecutionStatus.Waiting;
        return new PlanResult(ready, cancel, wake);
    }

    private bool Step(ExecutionState state, NodeDefinition definition, DateTimeOffset now, List<string> ready, List<string> cancel)
    {
        var node = state.Node(definition.Id);
        switch (node.Status)
        {
            case NodeStatus.Waiting when !node.AwaitingSignal && node.ResumeAt is { } at && at <= now:
                Complete(state, definition.Id, NodeResult.Completed(node.Output), now);
                return true;
            case NodeStatus.Waiting when node.AwaitingSignal && node.ResumeAt is { } timeoutAt && timeoutAt <= now:
                Complete(state, definition.Id, NodeResult.Completed(new JsonObject { ["timedOut"] = true }, WaitTimeoutHandle), now);
                return true;
            case NodeStatus.Running when definition.Type == NodeTypes.Loop && state.Loops.ContainsKey(definition.Id):
                if (!BodySettled(state, definition.Id))
                {
                    return false;
                }
                if (Graph.IncomingOf(definition.Id).FirstOrDefault(e => Graph.IsBackEdge(e) && state.Edge(e.Id) == EdgeStatus.Failed) is { } failedEdge)
                {
                    var error = state.Node(failedEdge.Source).Error ?? new NodeError("upstream_failed", "A loop body node failed.");
                    node.Status = NodeStatus.Failed;
                    node.Error = error;
                    FailExecution(state, state.FailedNodeId, error, now);
                    return true;
                }
                ready.Add(definition.Id);
                return false;
            case NodeStatus.Pending:
                break;
            default:
                return false;
        }
        if (node.ResumeAt is { } retryAt && retryAt > now)
        {
            return false;
        }
        int taken = 0, failed = 0, pending = 0;
        foreach (var edge in Graph.ForwardIncomingOf(definition.Id))
        {
            switch (state.Edge(edge.Id))
            {
                case EdgeStatus.Taken: taken++; break;
                case EdgeStatus.Failed: failed++; break;
                case EdgeStatus.Pending: pending++; break;
            }
        }
        if (taken + failed + pending == 0 && definition.Id == state.TriggerNodeId)
        {
            ready.Add(definition.Id);
            return false;
        }
        if (definition.Type == NodeTypes.Merge)
        {
            return StepMerge(state, definition, taken, failed, pending, now, ready, cancel);
        }
        if (pending > 0)
        {
            return false;
        }
        if (failed > 0)
        {
            Skip(state, definition.Id, FailureFrom(state, definition.Id));
            if (Graph.OutgoingOf(definition.Id).Count == 0)
            {
                FailExecution(state, state.FailedNodeId, node.Error!, now);
            }
            return true;
        }
        if (taken > 0)
        {
            ready.Add(definition.Id);
            return false;
        }
        Skip(state, definition.Id, failure: null);
        return true;
    }

    private bool StepMerge(ExecutionState state, NodeDefinition definition, int taken, int failed, int pending, DateTimeOffset now,
        List<string> ready, List<string> cancel)
    {
        var settings = MergeSettings.Read(definition.Config);
        if (settings.WaitMode is "any" or "first" && taken > 0)
        {
            if (settings.WaitMode == "first" && pending > 0)
            {
                CancelLosingBranches(state, definition.Id, now, cancel);
                return true;
            }
            ready.Add(definition.Id);
            return false;
        }
        if (pending > 0)
        {
            return false;
        }
        if (failed > 0 && settings.ErrorHandling == "stop")
        {
            var error = FailureFrom(state, definition.Id);
            FailExecution(state, state.FailedNodeId, error, now);
            return true;
        }
        if (taken > 0 || failed > 0)
        {
            ready.Add(definition.Id);
            return false;
        }
        Skip(state, definition.Id, failure: null);
        return true;
    }

    /// <summary>merge waitMode "first": branches that lost the race are cancelled (running) or skipped (pending).</summary>
    private void CancelLosingBranches(ExecutionState state, string mergeId, DateTimeOffset now, List<string> cancel)
    {
        var incoming = Graph.ForwardIncomingOf(mergeId).ToArray();
        var winners = Graph.Ancestors(incoming.Where(e => state.Edge(e.Id) == EdgeStatus.Taken).Select(e => e.Source));
        var losers = Graph.Ancestors(incoming.Where(e => state.Edge(e.Id) == EdgeStatus.Pending).Select(e => e.Source));
        foreach (var id in losers.Where(id => !winners.Contains(id)))
        {
            var node = state.Node(id);
            if (node.Status is NodeStatus.Running or NodeStatus.Waiting)
            {
                node.Status = NodeStatus.Cancelled;
                node.CompletedAt = now;
                node.AwaitingSignal = false;
                node.ResumeAt = null;
                cancel.Add(id);
            }
            else if (node.Status == NodeStatus.Pending)
            {
                node.Status = NodeStatus.Skipped;
            }
        }
        foreach (var edge in incoming.Where(e => state.Edge(e.Id) == EdgeStatus.Pending))
        {
            state.Edges[edge.Id] = EdgeStatus.Skipped;
        }
    }

    private NodeError FailureFrom(ExecutionState state, string nodeId)
    {
        foreach (var edge in Graph.ForwardIncomingOf(nodeId))
        {
            if (state.Edge(edge.Id) == EdgeStatus.Failed && state.Node(edge.Source).Error is { } error)
            {
                return error;
            }
        }
        return new NodeError("upstream_failed", "An upstream node failed.");
    }

    private void Finish(ExecutionState state, DateTimeOffset now)
    {
        if (state.Status.IsTerminal())
        {
            return;
        }
        state.Status = ExecutionStatus.Completed;
        state.CompletedAt = now;
        var respond = Graph.Definition.Nodes.FirstOrDefault(n => n.Type == NodeTypes.Respond && state.Node(n.Id).Status == NodeStatus.Completed);
        var last = respond?.Id ?? state.Nodes.Where(kv => kv.Value.Status == NodeStatus.Completed)
            .OrderByDescending(kv => kv.Value.CompletionOrder).Select(kv => kv.Key).FirstOrDefault();
        state.Result = last is null ? null : state.Node(last).Output?.DeepClone();
    }
}
