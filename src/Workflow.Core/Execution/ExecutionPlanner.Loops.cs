using System.Text.Json.Nodes;
using Workflow.Core.Graph;

namespace Workflow.Core.Execution;

/// <summary>Loop iterations: resetting the body and collecting iteration outputs.</summary>
public sealed partial class ExecutionPlanner
{
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
}
