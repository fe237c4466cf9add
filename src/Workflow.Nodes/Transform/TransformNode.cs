using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Transform;

/// <summary>
/// <c>transform</c>: runs <see cref="TransformConfig.Code"/> in the sandbox, or applies an
/// <see cref="TransformConfig.Operation"/> to a list. Script failures fail the node with the expression's code.
/// </summary>
[NodeType("transform", Category = "data", Name = "Transform", Icon = "code", Color = "#8b5cf6", Outputs = "out,error",
    Description = "Reshape data with JavaScript, or map, filter, reduce or aggregate a list.")]
public sealed class TransformNode : NodeExecutor<TransformConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, TransformConfig config, CancellationToken cancellationToken)
    {
        return ValueTask.FromResult(Execute(context, config, cancellationToken));
    }

    private static NodeResult Execute(NodeContext context, TransformConfig config, CancellationToken cancellationToken)
    {
        var hasCode = !string.IsNullOrWhiteSpace(config.Code);
        if (hasCode == config.Operation.HasValue)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' needs either 'code' or 'operation' (not both).");
        }
        try
        {
            if (hasCode)
            {
                var output = context.Expressions.Run(config.Code!, context.Scope.With("input", context.Input));
                return NodeResult.Completed(ItemIteration.Detached(output));
            }
            var items = ItemIteration.ResolveItems(context, config.Items, out var failure);
            if (items is null)
            {
                return failure!;
            }
            return new TransformOperations(context, config, cancellationToken).Apply(config.Operation!.Value, items);
        }
        catch (ExpressionException ex)
        {
            // The error is already attached to this node; keep the script's own message for error routes to show.
            return NodeResult.Failed(ex.Code, ex.Message);
        }
    }
}
