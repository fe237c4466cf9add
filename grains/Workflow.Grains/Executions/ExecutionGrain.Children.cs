using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions.Executions;

namespace Workflow.Grains.Executions;

/// <summary>Sub-workflow links (child outcomes, notifying the parent) and error workflows.</summary>
public sealed partial class ExecutionGrain
{
    public async Task ChildCompletedAsync(ChildOutcome outcome)
    {
        if (!state.State.NeedsRecovery)
        {
            return;
        }
        Load();
        state.State.ChildOutcomes[outcome.ChildExecutionId] = outcome;
        ApplyChildOutcomes();
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
    }

    /// <summary>Completes parked subworkflow nodes whose child has reported; keeps reports whose node is not parked yet.</summary>
    private bool ApplyChildOutcomes()
    {
        var applied = false;
        foreach (var (childId, outcome) in state.State.ChildOutcomes.ToArray())
        {
            var node = state.State.Execution.Node(outcome.ParentNodeId);
            if (node.Status == NodeStatus.Running)
            {
                continue; // the node is still starting the child; it parks on this turn
            }
            state.State.ChildOutcomes.Remove(childId);
            if (SubworkflowCompletion.AwaitedChild(node) != childId || !_workflow!.Graph.Nodes.TryGetValue(outcome.ParentNodeId, out var definition))
            {
                continue;
            }
            var error = outcome.ErrorCode is null ? null : new NodeError(outcome.ErrorCode, outcome.ErrorMessage ?? "");
            var result = SubworkflowCompletion.ResultFor(definition.Config, childId, outcome.Status,
                outcome.ResultJson is null ? null : JsonNode.Parse(outcome.ResultJson), error);
            _driver!.CompleteParked(outcome.ParentNodeId, result);
            applied = true;
        }
        return applied;
    }

    private async Task NotifyParentAsync()
    {
        if (state.State.ParentKey is not { } parent || state.State.ParentNodeId is not { } parentNode)
        {
            return;
        }
        var execution = state.State.Execution;
        try
        {
            await GrainFactory.GetGrain<IExecutionGrain>(parent).ChildCompletedAsync(new ChildOutcome
            {
                ParentNodeId = parentNode,
                ChildExecutionId = execution.ExecutionId,
                Status = execution.Status.ToWire(),
                ResultJson = execution.Result?.ToJsonString(),
                ErrorCode = execution.Error?.Code,
                ErrorMessage = execution.Error?.Message,
            });
        }
        catch (Exception ex)
        {
            LogNotifyFailed(logger, ex, this.GetPrimaryKeyString(), parent);
        }
    }

    /// <summary>A failed execution starts the workflow's error workflow with the failure as trigger data (never for an error run itself).</summary>
    private async Task StartErrorWorkflowAsync()
    {
        var execution = state.State.Execution;
        if (execution.Status != ExecutionStatus.Failed || state.State.TriggeredBy == "error" ||
            _workflow?.Document.Settings.ErrorWorkflowId is not { } errorWorkflowId)
        {
            return;
        }
        var failure = new JsonObject
        {
            ["executionId"] = execution.ExecutionId,
            ["workflowId"] = state.State.WorkflowId,
            ["workflowName"] = _workflow.Document.Name,
            ["workflowVersion"] = state.State.WorkflowVersion,
            ["error"] = new JsonObject { ["code"] = execution.Error?.Code, ["message"] = execution.Error?.Message, ["nodeId"] = execution.FailedNodeId },
            ["failedAt"] = execution.CompletedAt,
        };
        try
        {
            await launcher.StartAsync(Tenant, errorWorkflowId, null, failure, "error", requireActive: false,
                ExecutionLauncher.DeterministicId($"{Tenant}:{execution.ExecutionId}:error"));
        }
        catch (Exception ex)
        {
            LogNotifyFailed(logger, ex, this.GetPrimaryKeyString(), errorWorkflowId.ToString());
        }
    }
}
