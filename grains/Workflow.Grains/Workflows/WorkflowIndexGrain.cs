using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Grains.Workflows;

/// <summary>The workflows of one tenant: summaries for listing, and name uniqueness.</summary>
[GrainType("workflowindex")]
public sealed class WorkflowIndexGrain(
    [PersistentState("index", "workflow")] IPersistentState<WorkflowIndexState> state) : Grain, IWorkflowIndexGrain
{
    public async Task<bool> UpsertAsync(WorkflowSummary summary)
    {
        var clash = state.State.Items.Values.Any(w => w.Id != summary.Id &&
            string.Equals(w.Name, summary.Name, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            return false;
        }
        state.State.Items[summary.Id] = summary;
        await state.WriteStateAsync();
        return true;
    }

    public async Task RemoveAsync(Guid workflowId)
    {
        if (state.State.Items.Remove(workflowId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<WorkflowSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WorkflowSummary>>(state.State.Items.Values.OrderByDescending(w => w.UpdatedAt).ToArray());
}
