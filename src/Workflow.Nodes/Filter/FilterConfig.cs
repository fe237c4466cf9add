using System.ComponentModel;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Filter;

/// <summary>Config of the <c>filter</c> node.</summary>
[Description("Keeps the items of a list that match a condition.")]
public sealed record FilterConfig
{
    [Description("The list to filter (a value or an expression such as {{ nodes.fetch.output.rows }}). Defaults to the input.")]
    public JsonNode? Items { get; init; }

    [Description("JavaScript expression evaluated per item with 'item' and 'index', e.g. {{ item.status === 'open' }}. Truthy keeps the item.")]
    [RawExpression]
    public string Condition { get; init; } = "";
}
