using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>Log messages of <see cref="SqliteReminderTable"/>.</summary>
public sealed partial class SqliteReminderTable
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored reminder {ReminderName} of grain {GrainId}")]
    private partial void LogUpserted(GrainId grainId, string reminderName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderName} of grain {GrainId} was not removed: absent or ETag changed")]
    private partial void LogRemoveMissed(GrainId grainId, string reminderName);
}
