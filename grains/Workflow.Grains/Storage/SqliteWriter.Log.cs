using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>Log messages of <see cref="SqliteWriter"/>.</summary>
internal sealed partial class SqliteWriter
{
    [LoggerMessage(Level = LogLevel.Trace, Message = "Committed {Count} writes in one transaction")]
    private partial void LogBatchCommitted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes failed and was rolled back")]
    private partial void LogBatchFailed(Exception error, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer's WAL checkpoint failed with SQLite error {Code}; the log restarts later")]
    private partial void LogCheckpointFailed(int code);
}
