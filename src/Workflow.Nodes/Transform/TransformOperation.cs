namespace Workflow.Nodes.Transform;

/// <summary>What a <c>transform</c> node does with its items.</summary>
public enum TransformOperation
{
    /// <summary>Replace every item with the expression's result.</summary>
    Map,
    /// <summary>Keep the items for which the expression is truthy.</summary>
    Filter,
    /// <summary>Fold the items into one value: the expression's result becomes the next <c>acc</c>.</summary>
    Reduce,
    /// <summary>Compute a statistic (count, sum, avg, min, max, …) over the items.</summary>
    Aggregate,
}
