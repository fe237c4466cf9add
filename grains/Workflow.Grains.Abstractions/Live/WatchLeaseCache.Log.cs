using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Abstractions.Live;

/// <summary>Log messages of the watch lease cache.</summary>
public sealed partial class WatchLeaseCache
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up the watch lease of workflow {Tenant}/{WorkflowId}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string tenant, Guid workflowId);
}
