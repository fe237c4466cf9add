using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Graph;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Grains.Executions;

/// <summary>
/// Starts executions of a workflow's current version from a trigger (webhook, schedule, event, sub-workflow).
/// A caller that must never start the same run twice (a scheduled instant, a webhook delivery id) passes a
/// deterministic execution id from <see cref="DeterministicId"/>: starting an existing execution returns it.
/// </summary>
public sealed class ExecutionLauncher(IGrainFactory grains, ExecutionGrains executions)
{
    /// <summary>A stable execution id for a dedupe key (the same key always gives the same id).</summary>
    public static string DeterministicId(string dedupeKey) => DeterministicIds.From(dedupeKey);

    /// <summary>
    /// Starts an execution of the workflow's current version at <paramref name="triggerNodeId"/>; null when the
    /// workflow does not exist or (when <paramref name="requireActive"/>) is not active.
    /// </summary>
    public async Task<(IExecutionGrain Grain, ExecutionView View)?> StartAsync(string tenant, Guid workflowId, string? triggerNodeId,
        JsonNode? triggerData, string triggeredBy, bool requireActive, string? executionId = null, StartExecution? parent = null)
    {
        var json = await grains.GetGrain<IWorkflowGrain>(GrainKeys.For(tenant, workflowId)).GetAsync();
        if (json is null)
        {
            return null;
        }
        var document = WorkflowJson.Deserialize(json);
        if ((requireActive && document.Status != WorkflowStatus.Active) || document.Status == WorkflowStatus.Archived)
        {
            return null;
        }
        var grain = executions.Get(tenant, executionId ?? ExecutionIds.New());
        var view = await grain.StartAsync(new StartExecution
        {
            WorkflowId = document.Id,
            WorkflowVersion = document.Version,
            WorkflowJson = json,
            IsSavedVersion = true,
            IsNewExecution = executionId is null,
            TriggerNodeId = triggerNodeId,
            TriggerJson = triggerData?.ToJsonString(),
            TriggeredBy = triggeredBy,
            ParentKey = parent?.ParentKey,
            ParentNodeId = parent?.ParentNodeId,
            Depth = parent?.Depth ?? 0,
        });
        return (grain, view);
    }
}
