using System.ComponentModel;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Transform;

/// <summary>Config of the <c>transform</c> node: either <see cref="Code"/> or an <see cref="Operation"/>.</summary>
[Description("Reshape data with JavaScript code, or map / filter / reduce / aggregate a list.")]
public sealed record TransformConfig
{
    [Description("JavaScript function body run in the sandbox; its 'return' value is the output. 'input' is the node's input. Use either code or operation.")]
    [RawExpression]
    public string? Code { get; init; }

    [Description("Operation over 'items': map, filter, reduce or aggregate. Use either code or operation.")]
    public TransformOperation? Operation { get; init; }

    [Description("The list to transform (a value or an expression such as {{ nodes.fetch.output.rows }}). Defaults to the input when it is an array.")]
    public JsonNode? Items { get; init; }

    [Description("JavaScript expression evaluated per item with 'item' and 'index' (and 'acc' for reduce), e.g. {{ item.price * item.qty }}. For aggregate it selects the value (optional).")]
    [RawExpression]
    public string? Expression { get; init; }

    [Description("reduce: the first value of 'acc'. Defaults to null.")]
    public JsonNode? InitialValue { get; init; }

    [Description("aggregate: the statistic to compute (count, sum, avg, min, max, first, last, distinct, groupBy).")]
    public AggregateKind? Aggregate { get; init; }

    [Description("aggregate: dotted path of the value within each item, e.g. 'price' or 'customer.country'. Ignored when an expression is given.")]
    public string? Field { get; init; }
}
