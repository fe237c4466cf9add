using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// Checkpointed state of one node. Optional members are left out of the checkpoint while unset (a pending or
/// skipped node is a status only), which keeps the row that is rewritten after every node small.
/// </summary>
public sealed class NodeState
{
    public NodeStatus Status { get; set; } = NodeStatus.Pending;
    /// <summary>Attempts of the current run (reset when a loop iteration re-runs the node).</summary>
    public int Attempts { get; set; }
    /// <summary>How many times the executor was invoked for this node over the whole execution.</summary>
    public int Runs { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset? StartedAt { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset? CompletedAt { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonNode? Output { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public NodeError? Error { get; set; }
    /// <summary>Delay/backoff: when the node continues. Wait: when its timeout fires.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset? ResumeAt { get; set; }
    /// <summary>True while a wait node listens for a signal.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AwaitingSignal { get; set; }
    /// <summary>Skipped because an upstream failure passed through it (reset by retry).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SkippedByFailure { get; set; }
    /// <summary>Order in which nodes completed (used for "last node" results).</summary>
    public long CompletionOrder { get; set; }
}
