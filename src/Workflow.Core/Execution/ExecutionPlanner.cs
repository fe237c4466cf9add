using System.Text.Json.Nodes;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// The pure, deterministic state machine of an execution. Given the graph and the checkpointed state it applies
/// node results (taking or skipping edges), propagates skips and unhandled failures, and says which nodes are
/// ready. It does no I/O and reads the clock only through the <c>now</c> arguments.
/// </summary>
public sealed class ExecutionPlanner(WorkflowGraph graph)
{
    /// <summary>The handle a <c>wait</c> node follows when its timeout passes without a signal.</summary>
    public const string WaitTimeoutHandle = "timeout";

    public WorkflowGraph Graph { get; } = graph;

    /// <summary>Initialises a fresh state: every node pending, the firing trigger ready, other triggers skipped.</summary>
    public void Start(ExecutionState state, string triggerNodeId, JsonNode? triggerData, DateTimeOffset now)
    {
        state.Status = ExecutionStatus.Running;
        state.StartedAt = now;
        state.TriggerNodeId = triggerNodeId;
        state.Trigger = triggerData;
        foreach (var node in Graph.Definition.Nodes)
        {
            state.Nodes[node.Id] = new NodeState();
        }
        foreach (var edge in Graph.Definition.Edges)
        {
            state.Edges[edge.Id] = EdgeStatus.Pending;
        }
        foreach (var variable in Graph.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }
        foreach (var node in Graph.Definition.Nodes)
        {
            if (node.Id != triggerNodeId && !Graph.ForwardIncomingOf(node.Id).Any())
            {
                Skip(state, node.Id, failure: null);
            }
        }
    }

    /// <summary>Marks a node as started (attempt counted).</summary>
    public void MarkRunning(ExecutionState state, string nodeId, DateTimeOffset now)
    {
        var node = state.Node(nodeId);
        node.Status = NodeStatus.Running;
        node.Attempts++;
        node.Runs++;
        node.StartedAt ??= now;
        node.ResumeAt = null;
        node.Error = null;
    }

    /// <summary>Applies a completed (or resumed) node: stores its output and takes or skips its outgoing edges.</summary>
    public void Complete(ExecutionState state, string nodeId, NodeResult result, DateTimeOffset now)
    {
        var node = state.Node(nodeId);
        var definition = Graph.Nodes[nodeId];
        foreach (var (name, value) in result.Variables ?? new Dictionary<string, JsonNode?>())
        {
            state.Variables[name] = value?.DeepClone();
        }
        if (definition.Type == NodeTypes.Loop && result.Loop is { } frame && result.Handles is [NodeTypes.LoopBody])
        {
            StartIteration(state, nodeId, frame);
            return;
        }
        node.Status = NodeStatus.Completed;
        node.Output = result.Output;
        node.CompletedAt = now;
        node.ResumeAt = null;
        node.AwaitingSignal = false;
        node.CompletionOrder = ++state.Sequence;
        if (definition.Type == NodeTypes.Loop)
        {
            var iterated = state.Loops.Remove(nodeId, out var last) && last.Outputs.Count > 0;
            foreach (var edge in Graph.OutgoingOf(nodeId))
            {
                var isBody = edge.SourceHandle == NodeTypes.LoopBody;
                if (isBody && iterated)
                {
                    continue;
                }
                SetEdge(state, edge, isBody ? EdgeStatus.Skipped : Handle(edge) == NodeTypes.LoopDone ? EdgeStatus.Taken : EdgeStatus.Skipped);
            }
            return;
        }
        var all = definition.Type == NodeTypes.Parallel && result.Handles is null;
        var handles = result.Handles ?? [NodeTypes.Out];
        foreach (var edge in Graph.OutgoingOf(nodeId))
        {
            SetEdge(state, edge, all || handles.Contains(Handle(edge)) ? EdgeStatus.Taken : EdgeStatus.Skipped);
        }
    }

    /// <summary>Records a suspension: a delay until a time, or a wait for a signal (with optional timeout).</summary>
    public void Suspend(ExecutionState state, string nodeId, NodeResult result)
    {
        var node = state.Node(nodeId);
        node.Status = NodeStatus.Waiting;
        node.ResumeAt = result.ResumeAt;
        node.AwaitingSignal = result.AwaitSignal;
        node.Output = result.Output;
    }

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

    /// <summary>
    /// Applies a failure after retries are exhausted. <c>stop</c> sends the failure down every outgoing edge
    /// (a merge with errorHandling continue/collect may absorb it, otherwise the execution fails);
    /// <c>continue</c> completes the node with the error as output; <c>route</c> takes only the <c>error</c> handle.
    /// </summary>
    public void Fail(ExecutionState state, string nodeId, NodeError error, OnError onError, DateTimeOffset now)
    {
        var node = state.Node(nodeId);
        node.Error = error;
        node.CompletedAt = now;
        var errorOutput = new JsonObject { ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message } };
        switch (onError)
        {
            case OnError.Continue:
                Complete(state, nodeId, NodeResult.Completed(errorOutput), now);
                node.Error = error;
                return;
            case OnError.Route when Graph.OutgoingOf(nodeId).Any(e => e.SourceHandle == NodeTypes.ErrorHandle):
                Complete(state, nodeId, NodeResult.Completed(errorOutput, NodeTypes.ErrorHandle), now);
                node.Error = error;
                return;
        }
        node.Status = NodeStatus.Failed;
        node.CompletionOrder = ++state.Sequence;
        state.FailedNodeId ??= nodeId;
        var outgoing = Graph.OutgoingOf(nodeId);
        if (outgoing.Count == 0 || Graph.Nodes[nodeId].Type == NodeTypes.Loop)
        {
            FailExecution(state, nodeId, error, now);
            return;
        }
        foreach (var edge in outgoing)
        {
            SetEdge(state, edge, EdgeStatus.Failed);
        }
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

    private void Skip(ExecutionState state, string nodeId, NodeError? failure)
    {
        var node = state.Node(nodeId);
        node.Status = NodeStatus.Skipped;
        node.SkippedByFailure = failure is not null;
        node.Error = failure;
        foreach (var edge in Graph.OutgoingOf(nodeId))
        {
            if (!Graph.IsBackEdge(edge) || failure is not null)
            {
                SetEdge(state, edge, failure is null ? EdgeStatus.Skipped : EdgeStatus.Failed);
            }
        }
    }

    private static void SetEdge(ExecutionState state, EdgeDefinition edge, EdgeStatus status) => state.Edges[edge.Id] = status;

    private static string Handle(EdgeDefinition edge) => edge.SourceHandle ?? NodeTypes.Out;

    private void StartIteration(ExecutionState state, string loopId, LoopFrame frame)
    {
        var loop = state.Node(loopId);
        loop.Status = NodeStatus.Running;
        state.Loops[loopId] = frame;
        var body = Graph.LoopBodies[loopId];
        foreach (var id in body)
        {
            var previous = state.Node(id);
            state.Nodes[id] = new NodeState { Runs = previous.Runs };
            state.Loops.Remove(id);
        }
        foreach (var edge in Graph.Definition.Edges)
        {
            if (body.Contains(edge.Source))
            {
                state.Edges[edge.Id] = EdgeStatus.Pending;
            }
        }
        foreach (var edge in Graph.OutgoingOf(loopId))
        {
            state.Edges[edge.Id] = edge.SourceHandle == NodeTypes.LoopBody ? EdgeStatus.Taken : EdgeStatus.Pending;
        }
    }

    private bool BodySettled(ExecutionState state, string loopId) =>
        Graph.LoopBodies[loopId].All(id => state.Node(id).Status is not (NodeStatus.Pending or NodeStatus.Running or NodeStatus.Waiting));

    /// <summary>The output of a finished iteration: the node feeding the back edge, else the last body node to complete.</summary>
    public JsonNode? IterationOutput(ExecutionState state, string loopId)
    {
        var body = Graph.LoopBodies[loopId];
        string? best = null;
        long bestOrder = -1;
        foreach (var edge in Graph.IncomingOf(loopId).Where(e => body.Contains(e.Source) && state.Edge(e.Id) == EdgeStatus.Taken))
        {
            var order = state.Node(edge.Source).CompletionOrder;
            if (order > bestOrder)
            {
                (best, bestOrder) = (edge.Source, order);
            }
        }
        if (best is null)
        {
            foreach (var id in body)
            {
                var node = state.Node(id);
                if (node.Status == NodeStatus.Completed && node.CompletionOrder > bestOrder)
                {
                    (best, bestOrder) = (id, node.CompletionOrder);
                }
            }
        }
        return best is null ? null : state.Node(best).Output?.DeepClone();
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
