using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Shared, thread-safe services an execution runs with.</summary>
public sealed record ExecutionServices(NodeRegistry Nodes, IExpressionEvaluator Expressions, TimeProvider Time, IServiceProvider? Services = null)
{
    /// <summary>Largest node output, as UTF-8 JSON; a bigger one fails its node with <c>output_too_large</c>.</summary>
    public int MaxOutputBytes { get; init; } = 4 * 1024 * 1024;
}
