namespace Workflow.Api.Hubs;

/// <summary>
/// One thing a hub connection watches: an execution or a workflow of a tenant. The group name carries the tenant,
/// so ids of different tenants can never share a group.
/// </summary>
public sealed record HubSubscription(string Kind, string Tenant, string Id, Guid WorkflowId)
{
    public const string ExecutionKind = "execution";
    public const string WorkflowKind = "workflow";

    public string Group => $"{Kind}:{Tenant}/{Id}";

    public static HubSubscription ForExecution(string tenant, string executionId, Guid workflowId) =>
        new(ExecutionKind, tenant, executionId, workflowId);

    public static HubSubscription ForWorkflow(string tenant, Guid workflowId) =>
        new(WorkflowKind, tenant, WorkflowKey(workflowId), workflowId);

    public static string ExecutionGroup(string tenant, string executionId) => $"{ExecutionKind}:{tenant}/{executionId}";

    public static string WorkflowGroup(string tenant, Guid workflowId) => $"{WorkflowKind}:{tenant}/{WorkflowKey(workflowId)}";

    private static string WorkflowKey(Guid workflowId) => workflowId.ToString("N");
}
