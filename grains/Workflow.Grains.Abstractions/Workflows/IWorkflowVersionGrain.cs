using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>One immutable saved version (key <c>{tenant}/{workflowId}/{version}</c>); written once.</summary>
[Alias("wf.IWorkflowVersionGrain")]
public interface IWorkflowVersionGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(string documentJson);

    [Alias("Get"), ReadOnly]
    Task<string?> GetAsync();
}
