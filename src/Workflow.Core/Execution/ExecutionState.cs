using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// Everything needed to continue an execution after a crash: node and edge statuses, outputs,
/// variables, loop frames and attempts. Checkpointed after every node.
/// </summary>
public sealed class ExecutionState
{
    public string ExecutionId { get; set; } = "";
    /// <summary>The tenant the execution belongs to (set by its host).</summary>
    public string Tenant { get; set; } = "";
    /// <summary>Sub-workflow nesting: 0 for a top-level execution.</summary>
    public int Depth { get; set; }
    public ExecutionStatus Status { get; set; } = ExecutionStatus.Running;
    public string? TriggerNodeId { get; set; }
    public JsonNode? Trigger { get; set; }
    public JsonObject Variables { get; set; } = [];
    public Dictionary<string, NodeState> Nodes { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, EdgeStatus> Edges { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, LoopFrame> Loops { get; set; } = new(StringComparer.Ordinal);
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Workflow timeout instant, if any.</summary>
    public DateTimeOffset? Deadline { get; set; }
    public NodeError? Error { get; set; }
    public string? FailedNodeId { get; set; }
    public JsonNode? Result { get; set; }
    /// <summary>Monotonic counter; also the completion order of nodes.</summary>
    public long Sequence { get; set; }

    public NodeState Node(string id)
    {
        if (!Nodes.TryGetValue(id, out var state))
        {
            state = new NodeState();
            Nodes[id] = state;
        }
        return state;
    }

    public EdgeStatus Edge(string id) => Edges.TryGetValue(id, out var s) ? s : EdgeStatus.Pending;
}
