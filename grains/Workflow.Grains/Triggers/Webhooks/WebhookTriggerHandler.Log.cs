using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Triggers.Webhooks;

public sealed partial class WebhookTriggerHandler
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Tenant}/{Path} registered for workflow {WorkflowId} v{Version} node {NodeId}")]
    private partial void LogRegistered(string tenant, string path, Guid workflowId, int version, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Tenant}/{Path} released by workflow {WorkflowId} node {NodeId}")]
    private partial void LogUnregistered(string tenant, string path, Guid workflowId, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Tenant}/{Path} refused for workflow {WorkflowId}: held by workflow {HolderId}")]
    private partial void LogConflict(string tenant, string path, Guid workflowId, Guid holderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook trigger {NodeId} of workflow {WorkflowId} has no path; not registered")]
    private partial void LogNoPath(Guid workflowId, string nodeId);
}
