using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;

namespace Workflow.Grains.Executions;

/// <summary>Starts <c>subworkflow</c> children as their own execution grains, linked to the parent for the completion notice.</summary>
public sealed class SubworkflowStarter(ExecutionLauncher launcher) : ISubworkflowStarter
{
    public async Task<ChildExecutionStatus> StartAsync(ChildExecutionRequest request, CancellationToken cancellationToken)
    {
        var started = await launcher.StartAsync(request.Tenant, request.WorkflowId, null, request.Input, "subworkflow",
            requireActive: false, request.ChildExecutionId, new StartExecution
            {
                WorkflowId = request.WorkflowId,
                WorkflowVersion = 0,
                WorkflowJson = "",
                ParentKey = GrainKeys.For(request.Tenant, request.ParentExecutionId),
                ParentNodeId = request.ParentNodeId,
                Depth = request.Depth,
            });
        if (started is not { View: var view })
        {
            return new ChildExecutionStatus(request.ChildExecutionId, "missing", null, null, WorkflowFound: false);
        }
        var error = view.Error is { } e ? new NodeError(e.Code, e.Message) : null;
        var result = view.ResultJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(view.ResultJson);
        return new ChildExecutionStatus(view.Id, view.Status, result, error);
    }
}
