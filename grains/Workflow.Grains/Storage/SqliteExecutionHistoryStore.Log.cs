using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>Log messages of <see cref="SqliteExecutionHistoryStore"/>.</summary>
public sealed partial class SqliteExecutionHistoryStore
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} execution history rows in {ElapsedMs:F1} ms")]
    private partial void LogRowsWritten(int count, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} execution history rows failed; they stay queued")]
    private partial void LogWriteFailed(Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping with {Count} execution history rows that could not be written")]
    private partial void LogRowsLost(int count);
}
