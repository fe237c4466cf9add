using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workflow.Api.Auth;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Api.Hubs;

/// <summary>
/// <c>/hubs/executions</c>: live progress of executions (DESIGN §5). A caller (viewer or above) subscribes to an
/// execution or a workflow of its own tenant; another tenant's or an unknown id is refused with a
/// <see cref="HubException"/> and the connection joins no group. Events: see <see cref="LiveEvent"/>.
/// </summary>
[Authorize(Policy = Policies.Viewer)]
public sealed class ExecutionHub(IGrainFactory grains, ExecutionEventBridge bridge) : Hub
{
    public async Task SubscribeExecution(string executionId)
    {
        var tenant = Tenant();
        if (!Guid.TryParse(executionId, out var id) ||
            await grains.GetGrain<IExecutionGrain>(GrainKeys.For(tenant, id.ToString())).WatchAsync(ExecutionEventBridge.Lease) is not { } workflowId)
        {
            throw new HubException($"Execution '{executionId}' was not found.");
        }
        var subscription = HubSubscription.ForExecution(tenant, id.ToString(), workflowId);
        await bridge.SubscribeAsync(Context.ConnectionId, subscription, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, subscription.Group, Context.ConnectionAborted);
    }

    public async Task UnsubscribeExecution(string executionId)
    {
        var tenant = Tenant();
        if (Guid.TryParse(executionId, out var id) &&
            await bridge.UnsubscribeAsync(Context.ConnectionId, HubSubscription.ExecutionKind, tenant, id.ToString()) is { } removed)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, removed.Group);
        }
    }

    public async Task SubscribeWorkflow(string workflowId)
    {
        var tenant = Tenant();
        if (!Guid.TryParse(workflowId, out var id) || await grains.GetGrain<IWorkflowGrain>(GrainKeys.For(tenant, id)).GetAsync() is null)
        {
            throw new HubException($"Workflow '{workflowId}' was not found.");
        }
        var subscription = HubSubscription.ForWorkflow(tenant, id);
        await Groups.AddToGroupAsync(Context.ConnectionId, subscription.Group, Context.ConnectionAborted);
        await bridge.SubscribeAsync(Context.ConnectionId, subscription, Context.ConnectionAborted);
    }

    public async Task UnsubscribeWorkflow(string workflowId)
    {
        var tenant = Tenant();
        if (Guid.TryParse(workflowId, out var id) &&
            await bridge.UnsubscribeAsync(Context.ConnectionId, HubSubscription.WorkflowKind, tenant, id.ToString("N")) is { } removed)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, removed.Group);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await bridge.RemoveConnectionAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The tenant comes from the authenticated identity only (the policy guarantees one).</summary>
    private string Tenant() =>
        Context.User?.FindFirst(WorkflowClaims.Tenant)?.Value is { Length: > 0 } tenant
            ? tenant
            : throw new HubException("The connection has no tenant.");
}
