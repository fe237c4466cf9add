using System.Text.Json.Nodes;
using Workflow.Core.Execution;

namespace Workflow.Core.Nodes;

/// <summary>The outcome of running a node once: completed, failed or suspended (delay, wait).</summary>
public sealed record NodeResult
{
    public NodeOutcome Outcome { get; init; }
    public JsonNode? Output { get; init; }
    /// <summary>Handles taken on completion; null means the node's default (<c>out</c>, or all edges of a parallel).</summary>
    public IReadOnlyList<string>? Handles { get; init; }
    /// <summary>Workflow variables assigned by the node.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }
    public NodeError? Error { get; init; }
    /// <summary>When suspended until a time (delay): resume then and complete with <see cref="Output"/>.</summary>
    public DateTimeOffset? ResumeAt { get; init; }
    /// <summary>When suspended for an external signal (wait).</summary>
    public bool AwaitSignal { get; init; }
    /// <summary>Loop node only: the loop's frame after this step.</summary>
    public LoopFrame? Loop { get; init; }

    public static NodeResult Completed(JsonNode? output, params string[] handles) =>
        new() { Outcome = NodeOutcome.Completed, Output = output, Handles = handles.Length == 0 ? null : handles };

    public static NodeResult Failed(string code, string message, bool retryable = false) =>
        new() { Outcome = NodeOutcome.Failed, Error = new NodeError(code, message, retryable) };

    public static NodeResult Failed(NodeError error) => new() { Outcome = NodeOutcome.Failed, Error = error };

    public static NodeResult SuspendUntil(DateTimeOffset resumeAt, JsonNode? output) =>
        new() { Outcome = NodeOutcome.Suspended, ResumeAt = resumeAt, Output = output };
}

/// <summary>Kind of <see cref="NodeResult"/>.</summary>
public enum NodeOutcome { Completed, Failed, Suspended }
