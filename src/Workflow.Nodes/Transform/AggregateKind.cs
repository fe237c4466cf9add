namespace Workflow.Nodes.Transform;

/// <summary>The statistic of a <c>transform</c> node's <c>aggregate</c> operation.</summary>
public enum AggregateKind
{
    /// <summary>Number of items (with a field or expression: of items whose value is not null).</summary>
    Count,
    /// <summary>Sum of the numeric values (nulls skipped).</summary>
    Sum,
    /// <summary>Mean of the numeric values (nulls skipped); null for no values.</summary>
    Avg,
    /// <summary>Smallest numeric value; null for no values.</summary>
    Min,
    /// <summary>Largest numeric value; null for no values.</summary>
    Max,
    /// <summary>First non-null value.</summary>
    First,
    /// <summary>Last non-null value.</summary>
    Last,
    /// <summary>The distinct non-null values, in first-seen order.</summary>
    Distinct,
    /// <summary>An object: each value (as text) → the array of items that have it.</summary>
    GroupBy,
}
