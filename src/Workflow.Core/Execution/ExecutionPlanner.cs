using System.Text.Json.Nodes;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// The pure, deterministic state machine of an execution. Given the graph and the checkpointed state it applies
/// node results (taking or skipping edges), propagates skips and unhandled failures, and says which nodes are
/// ready. It does no I/O and reads the clock only through the <c>now</c> arguments.
/// </summary>
public sealed partial class ExecutionPlanner(WorkflowGraph graph)
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
}
