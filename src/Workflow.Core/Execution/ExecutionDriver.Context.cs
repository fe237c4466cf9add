using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>What a node sees when it runs: its inputs, loop frame and expression scope.</summary>
public sealed partial class ExecutionDriver
{
    private NodeContext BuildContext(NodeDefinition definition, NodeState node, bool isLoopStep)
    {
        var inputs = new List<(long Order, int Index, BranchInput Input)>();
        foreach (var edge in _planner.Graph.ForwardIncomingOf(definition.Id))
        {
            var status = State.Edge(edge.Id);
            if (status is EdgeStatus.Taken or EdgeStatus.Failed)
            {
                var source = State.Node(edge.Source);
                inputs.Add((source.CompletionOrder, inputs.Count, new BranchInput(edge.Source, edge.Id,
                    status == EdgeStatus.Taken ? source.Output : null, status == EdgeStatus.Failed ? source.Error : null)));
            }
        }
        // In completion order; inputs completed at the same step keep the order of their edges.
        inputs.Sort(static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Index.CompareTo(b.Index));
        var ordered = new BranchInput[inputs.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = inputs[i].Input;
        }
        var input = definition.Id == State.TriggerNodeId ? State.Trigger : ordered.FirstOrDefault(i => i.Error is null)?.Output;

        LoopFrame? frame = null;
        if (isLoopStep)
        {
            var current = State.Loops[definition.Id];
            var outputs = current.Outputs.DeepClone().AsArray();
            outputs.Add(_planner.IterationOutput(State, definition.Id));
            frame = current with { Outputs = outputs };
        }
        return new NodeContext
        {
            Node = definition,
            Scope = ScopeFor(definition.Id),
            Expressions = _services.Expressions,
            Inputs = ordered,
            Input = input,
            Attempt = Math.Max(1, node.Attempts),
            Run = Math.Max(1, node.Runs),
            ExecutionId = State.ExecutionId,
            Tenant = State.Tenant,
            Depth = State.Depth,
            IdempotencyKey = $"{State.ExecutionId}:{definition.Id}:{Math.Max(1, node.Attempts)}",
            Loop = frame,
            Time = _services.Time,
            Services = _services.Services,
        };
    }

    /// <summary>The expression scope a node sees: trigger, vars, node outputs, loop item/index, execution.</summary>
    public ExpressionScope ScopeFor(string nodeId)
    {
        var outputs = new Dictionary<string, JsonNode?>(State.Nodes.Count, StringComparer.Ordinal);
        foreach (var (id, state) in State.Nodes)
        {
            if (state.Status == NodeStatus.Completed || (state.Status == NodeStatus.Running && state.Output is not null))
            {
                outputs[id] = state.Output;
            }
        }
        JsonNode? item = null;
        int? index = null;
        if (_planner.Graph.EnclosingLoop.TryGetValue(nodeId, out var loopId) && State.Loops.TryGetValue(loopId, out var frame))
        {
            item = frame.Item;
            index = frame.Index;
        }
        return new ExpressionScope
        {
            Trigger = State.Trigger,
            Vars = State.Variables,
            NodeOutputs = outputs,
            Item = item,
            Index = index,
            Execution = new ExecutionInfo(State.ExecutionId, _workflow.Id, State.StartedAt),
        };
    }
}
