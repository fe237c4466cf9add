using Microsoft.Extensions.Logging;

namespace Workflow.Api.Hubs;

/// <summary>Log messages of the event bridge.</summary>
public sealed partial class ExecutionEventBridge
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the watch lease of {Group}")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the events of workflow {Tenant}/{WorkflowId}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string tenant, Guid workflowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {EventName} of execution {ExecutionId} to the hub")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string executionId, string eventName);
}
