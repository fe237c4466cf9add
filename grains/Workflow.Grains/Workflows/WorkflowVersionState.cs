namespace Workflow.Grains.Workflows;

/// <summary>State of <see cref="WorkflowVersionGrain"/>.</summary>
public sealed class WorkflowVersionState
{
    public string? DocumentJson { get; set; }
}
