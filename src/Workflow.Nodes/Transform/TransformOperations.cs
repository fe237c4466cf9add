using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;
using Workflow.Nodes.If;

namespace Workflow.Nodes.Transform;

/// <summary>map / filter / reduce / aggregate over one list, evaluating the expression per item.</summary>
internal sealed class TransformOperations(NodeContext context, TransformConfig config, CancellationToken cancellationToken)
{
    public NodeResult Apply(TransformOperation operation, JsonArray items)
    {
        if (operation != TransformOperation.Aggregate && string.IsNullOrWhiteSpace(config.Expression))
        {
            return NodeResult.Failed("invalid_config",
                $"Node '{context.Node.Id}' needs an 'expression' for the {operation.ToString().ToLowerInvariant()} operation.");
        }
        return operation switch
        {
            TransformOperation.Map => NodeResult.Completed(Map(items)),
            TransformOperation.Filter => NodeResult.Completed(Filter(items)),
            TransformOperation.Reduce => NodeResult.Completed(Reduce(items)),
            _ => Aggregate(items),
        };
    }

    private JsonArray Map(JsonArray items)
    {
        var results = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            results.Add(ItemIteration.Detached(EvaluateAt(items[i], i)));
        }
        return results;
    }

    private JsonArray Filter(JsonArray items)
    {
        var kept = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (Truthiness.IsTruthy(EvaluateAt(items[i], i)))
            {
                kept.Add(items[i]?.DeepClone());
            }
        }
        return kept;
    }

    private JsonNode? Reduce(JsonArray items)
    {
        var acc = config.InitialValue;
        for (var i = 0; i < items.Count; i++)
        {
            acc = EvaluateAt(items[i], i, "acc", acc);
        }
        return ItemIteration.Detached(acc);
    }

    private NodeResult Aggregate(JsonArray items)
    {
        if (config.Aggregate is not { } kind)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' needs 'aggregate' (count, sum, avg, min, max, first, last, distinct, groupBy).");
        }
        var selected = !string.IsNullOrWhiteSpace(config.Expression) || !string.IsNullOrWhiteSpace(config.Field);
        var values = new JsonNode?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            values[i] = Select(items[i], i);
        }
        return Aggregator.Compute(kind, items, values, selected, context.Node.Id);
    }

    private JsonNode? Select(JsonNode? item, int index)
    {
        if (!string.IsNullOrWhiteSpace(config.Expression))
        {
            return EvaluateAt(item, index);
        }
        return string.IsNullOrWhiteSpace(config.Field) ? item : FieldPath.Get(item, config.Field);
    }

    private JsonNode? EvaluateAt(JsonNode? item, int index, string? extraName = null, JsonNode? extraValue = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return context.Expressions.Evaluate(config.Expression!, ItemIteration.Scope(context.Scope, item, index, extraName, extraValue));
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException(ex.Code, $"item {index}: {ex.Message}", ex);
        }
    }
}
