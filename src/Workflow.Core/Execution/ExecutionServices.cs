using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Shared, thread-safe services an execution runs with.</summary>
public sealed record ExecutionServices(NodeRegistry Nodes, IExpressionEvaluator Expressions, TimeProvider Time, IServiceProvider? Services = null);
