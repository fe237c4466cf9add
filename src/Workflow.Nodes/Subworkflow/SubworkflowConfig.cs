using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.Subworkflow;

/// <summary>Config of <c>subworkflow</c>.</summary>
public sealed record SubworkflowConfig
{
    [Description("Id of the workflow to run (same tenant); its current version runs.")]
    public string WorkflowId { get; init; } = "";

    [Description("The child's trigger data: name → value or expression.")]
    public JsonObject? InputMapping { get; init; }

    [Description("propagate: a failed child fails this node; catch: follow the 'error' handle with the error; ignore: continue with no output.")]
    public SubworkflowErrorHandling ErrorHandling { get; init; } = SubworkflowErrorHandling.Propagate;
}

/// <summary>subworkflow errorHandling.</summary>
public enum SubworkflowErrorHandling { Propagate, Catch, Ignore }
