using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Executions;

/// <summary>Log messages of the execution grain.</summary>
public sealed partial class ExecutionGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionKey}: could not notify {Target}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string executionKey, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {ExecutionKey}: the driver stopped with an error")]
    private static partial void LogDriverFailed(ILogger logger, Exception exception, string executionKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionKey}: could not publish live event {EventName} #{Sequence}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string executionKey, string eventName, long sequence);
}
