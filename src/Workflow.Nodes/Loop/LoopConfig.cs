using System.ComponentModel;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Loop;

/// <summary>Config of <c>loop</c>.</summary>
public sealed record LoopConfig
{
    [Description("foreach: over the items of `iterable`; for: `iterations` times; while: as long as `condition` holds.")]
    public LoopType LoopType { get; init; } = LoopType.Foreach;

    [Description("foreach: expression giving the array to iterate.")]
    [RawExpression]
    public string? Iterable { get; init; }

    [Description("for: number of iterations.")]
    public int? Iterations { get; init; }

    [Description("while: expression checked before each iteration (`index` is the iteration about to run).")]
    [RawExpression]
    public string? Condition { get; init; }

    [Description("Upper bound on iterations; exceeding it fails the node with loop_limit.")]
    public int MaxIterations { get; init; } = 1000;

    [Description("Expression checked after each iteration (`item`, `index`, `output`); true ends the loop.")]
    [RawExpression]
    public string? BreakCondition { get; init; }
}

/// <summary>Kinds of loop.</summary>
public enum LoopType { Foreach, For, While }
