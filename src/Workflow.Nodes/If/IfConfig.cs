using System.ComponentModel;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.If;

/// <summary>Config of the <c>if</c> node.</summary>
[Description("Routes the input to 'true' or 'false' depending on a condition.")]
public sealed record IfConfig
{
    [Description("JavaScript expression, e.g. {{ trigger.body.amount > 1000 }}. A truthy result takes the 'true' handle.")]
    [RawExpression]
    public string Condition { get; init; } = "";
}
