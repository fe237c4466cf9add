using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>The workflows of one tenant (key = tenant): listing and unique names.</summary>
[Alias("wf.IWorkflowIndexGrain")]
public interface IWorkflowIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a summary; false when another workflow already has that name.</summary>
    [Alias("Upsert")]
    Task<bool> UpsertAsync(WorkflowSummary summary);

    [Alias("Remove")]
    Task RemoveAsync(Guid workflowId);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<WorkflowSummary>> ListAsync();
}
