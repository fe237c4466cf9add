using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;

namespace Workflow.Core.Nodes;

/// <summary>Everything a node executor may use while it runs.</summary>
public sealed record NodeContext
{
    public required NodeDefinition Node { get; init; }
    public required ExpressionScope Scope { get; init; }
    public required IExpressionEvaluator Expressions { get; init; }
    /// <summary>Outputs delivered on the node's incoming edges, in edge order.</summary>
    public IReadOnlyList<BranchInput> Inputs { get; init; } = [];
    /// <summary>The single input (first delivered branch's output), or the trigger data for a trigger node.</summary>
    public JsonNode? Input { get; init; }
    public int Attempt { get; init; } = 1;
    /// <summary>How many times this node has been started in the execution, this run included (loops re-run nodes).</summary>
    public int Run { get; init; } = 1;
    public string ExecutionId { get; init; } = "";
    public string Tenant { get; init; } = "";
    /// <summary>Sub-workflow nesting of the execution: 0 for a top-level run.</summary>
    public int Depth { get; init; }
    /// <summary><c>{executionId}:{nodeId}:{attempt}</c>; sent to HTTP targets as <c>Idempotency-Key</c>.</summary>
    public string IdempotencyKey { get; init; } = "";
    /// <summary>Loop node only: its frame, null on the first step.</summary>
    public LoopFrame? Loop { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public IServiceProvider? Services { get; init; }

    /// <summary>The node's config, or an empty object.</summary>
    public JsonObject Config => Node.Config ?? [];
}

/// <summary>What arrived on one incoming edge: the source's output, or its error when a merge collects errors.</summary>
public sealed record BranchInput(string SourceNodeId, string EdgeId, JsonNode? Output, NodeError? Error);
