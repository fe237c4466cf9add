using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Grains.Workflows;

/// <summary>State of <see cref="WorkflowIndexGrain"/>.</summary>
public sealed class WorkflowIndexState
{
    public Dictionary<Guid, WorkflowSummary> Items { get; set; } = [];
}
