using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Shared, thread-safe services an execution runs with.</summary>
public sealed record ExecutionServices(NodeRegistry Nodes, IExpressionEvaluator Expressions, TimeProvider Time, IServiceProvider? Services = null)
{
    /// <summary>Largest node output, as UTF-8 JSON; a bigger one fails its node with <c>output_too_large</c>.</summary>
    public int MaxOutputBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Off (the default): the state is checkpointed after every completed step, as DESIGN §8 measures it. On
    /// (<c>Workflow:Execution:PipelineCheckpoints</c>): the checkpoint after side-effect-free nodes is folded into
    /// the next durable one (before any side effect, parking or settling, at most 16 steps or 2 s later), and a
    /// webhook run whose caller awaits the outcome skips its start checkpoint; a crash can then re-run those pure
    /// nodes, never anything anybody outside saw.
    /// </summary>
    public bool PipelineCheckpoints { get; init; }
}
