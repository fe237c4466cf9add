using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.Set;

/// <summary>Config of the <c>set</c> node.</summary>
[Description("Assigns workflow variables.")]
public sealed record SetConfig
{
    [Description("Variable name → value or expression, e.g. {\"approver\": \"{{ trigger.body.manager }}\"}. The values are stored in 'vars'.")]
    public JsonObject Values { get; init; } = [];
}
