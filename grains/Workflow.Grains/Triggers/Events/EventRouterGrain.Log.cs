using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Triggers.Events;

/// <summary>Log messages of <see cref="EventRouterGrain"/>: ids and event types, never event data.</summary>
public sealed partial class EventRouterGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: workflow {WorkflowId} trigger {NodeId} subscribed to events {EventType}")]
    private partial void LogSubscribed(string tenant, Guid workflowId, string nodeId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: workflow {WorkflowId} trigger {NodeId} unsubscribed from events")]
    private partial void LogUnsubscribed(string tenant, Guid workflowId, string nodeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {Tenant}: workflow {WorkflowId} trigger {NodeId} debounced event {EventType}")]
    private partial void LogDebounced(string tenant, Guid workflowId, string nodeId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: a condition of workflow {WorkflowId} trigger {NodeId} failed; the event does not match")]
    private partial void LogConditionFailed(Exception error, string tenant, Guid workflowId, string nodeId);
}
