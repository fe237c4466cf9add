using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>One workflow definition (key <c>{tenant}/{workflowId}</c>): CRUD, versions, status.</summary>
[Alias("wf.IWorkflowGrain")]
public interface IWorkflowGrain : IGrainWithStringKey
{
    /// <summary>Stores version 1 of a new workflow. Fails with <c>name_conflict</c> or <c>already_exists</c>.</summary>
    [Alias("Create")]
    Task<WorkflowResult> CreateAsync(string documentJson);

    /// <summary>The current document, or null when it does not exist (or was deleted).</summary>
    [Alias("Get"), ReadOnly]
    Task<string?> GetAsync();

    /// <summary>Saves a new version when <paramref name="expectedVersion"/> matches (else <c>version_conflict</c>).</summary>
    [Alias("Update")]
    Task<WorkflowResult> UpdateAsync(string documentJson, int expectedVersion);

    [Alias("SetStatus")]
    Task<WorkflowResult> SetStatusAsync(string status);

    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>Version numbers with their save times, newest first.</summary>
    [Alias("Versions"), ReadOnly]
    Task<IReadOnlyList<WorkflowVersionInfo>> ListVersionsAsync();
}
