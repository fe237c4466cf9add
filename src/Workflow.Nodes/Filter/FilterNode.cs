using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;
using Workflow.Nodes.If;
using Workflow.Nodes.Transform;

namespace Workflow.Nodes.Filter;

/// <summary><c>filter</c>: outputs the items of a list for which <see cref="FilterConfig.Condition"/> is truthy.</summary>
[NodeType("filter", Category = "data", Name = "Filter", Icon = "filter", Color = "#0ea5e9",
    Description = "Keep the items of a list that match a condition.")]
public sealed class FilterNode : NodeExecutor<FilterConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, FilterConfig config, CancellationToken cancellationToken)
    {
        return ValueTask.FromResult(Execute(context, config, cancellationToken));
    }

    private static NodeResult Execute(NodeContext context, FilterConfig config, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.Condition))
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has no condition.");
        }
        var items = ItemIteration.ResolveItems(context, config.Items, out var failure);
        if (items is null)
        {
            return failure!;
        }
        var kept = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (Truthiness.IsTruthy(context.Expressions.Evaluate(config.Condition, ItemIteration.Scope(context.Scope, items[i], i))))
                {
                    kept.Add(items[i]?.DeepClone());
                }
            }
            catch (ExpressionException ex)
            {
                return NodeResult.Failed(ex.Code, $"item {i}: {ex.Message}");
            }
        }
        return NodeResult.Completed(kept);
    }
}
