using System.ComponentModel;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Switch;

/// <summary>Config of the <c>switch</c> node.</summary>
[Description("Routes the input to the handle of the first case whose value equals the expression's result.")]
public sealed record SwitchConfig
{
    [Description("JavaScript expression whose result is matched against the cases, e.g. {{ trigger.body.tier }}.")]
    [RawExpression]
    public string Expression { get; init; } = "";

    [Description("Cases in order; the first whose value equals the result wins. No match takes 'default'.")]
    public IReadOnlyList<SwitchCase> Cases { get; init; } = [];
}
