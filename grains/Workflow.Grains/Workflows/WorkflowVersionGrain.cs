using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Grains.Workflows;

/// <summary>An immutable saved version: written once, read by executions that pin it.</summary>
[GrainType("workflowversion")]
public sealed class WorkflowVersionGrain(
    [PersistentState("version", "workflow")] IPersistentState<WorkflowVersionState> state) : Grain, IWorkflowVersionGrain
{
    public async Task SaveAsync(string documentJson)
    {
        if (state.State.DocumentJson is not null)
        {
            return; // versions never change
        }
        state.State.DocumentJson = documentJson;
        await state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.DocumentJson);
}
