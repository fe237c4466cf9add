using Microsoft.Extensions.Logging;
using Workflow.Core.Scheduling;

namespace Workflow.Grains.Triggers.Schedules;

public sealed partial class ScheduleTriggerGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Trigger} started ({Cron}), next fire at {NextFireAt}")]
    private static partial void LogStarted(ILogger logger, string trigger, string cron, DateTimeOffset? nextFireAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Trigger} refused: {Error}")]
    private static partial void LogInvalid(ILogger logger, string trigger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Trigger} fired {ScheduledAt} as execution {ExecutionId}")]
    private static partial void LogFired(ILogger logger, string trigger, DateTimeOffset scheduledAt, string executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Trigger} missed {Count} instants while down (misfire policy {Policy})")]
    private static partial void LogMissed(ILogger logger, string trigger, int count, MisfirePolicy policy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Trigger}: the workflow is not active, instant {ScheduledAt} starts nothing")]
    private static partial void LogNotActive(ILogger logger, string trigger, DateTimeOffset scheduledAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Trigger} could not start instant {ScheduledAt}; retrying")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, string trigger, DateTimeOffset scheduledAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Trigger} is past its end and stops")]
    private static partial void LogEnded(ILogger logger, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Trigger} tick failed; retrying")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string trigger);
}
