using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.If;

/// <summary>
/// <c>if</c>: evaluates <see cref="IfConfig.Condition"/> and continues on <c>true</c> or <c>false</c>,
/// passing its input through unchanged.
/// </summary>
[NodeType("if", Category = "flow", Name = "If", Icon = "git-branch", Color = "#f59e0b", Outputs = "true,false",
    Description = "Take the 'true' or 'false' branch depending on a condition; the input passes through.")]
public sealed class IfNode : NodeExecutor<IfConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, IfConfig config, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.Condition))
        {
            return ValueTask.FromResult(NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has no condition."));
        }
        try
        {
            var result = context.Expressions.Evaluate(config.Condition, context.Scope);
            var handle = Truthiness.IsTruthy(result) ? "true" : "false";
            return ValueTask.FromResult(NodeResult.Completed(context.Input?.DeepClone(), handle));
        }
        catch (ExpressionException ex)
        {
            return ValueTask.FromResult(NodeResult.Failed(ex.Code, ex.Message));
        }
    }
}
