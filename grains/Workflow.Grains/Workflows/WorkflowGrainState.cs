using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Grains.Workflows;

/// <summary>Persisted state of a workflow definition grain: the current document and the version list.</summary>
public sealed class WorkflowGrainState
{
    public string? DocumentJson { get; set; }
    public bool Deleted { get; set; }
    public List<WorkflowVersionInfo> Versions { get; set; } = [];
}
