using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Audit;

/// <summary>Log messages of <see cref="SqliteAuditLog"/>.</summary>
public sealed partial class SqliteAuditLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} audit entries in {ElapsedMs:F1} ms")]
    private partial void LogEntriesWritten(int count, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit entries failed; they stay queued")]
    private partial void LogWriteFailed(Exception error, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping with {Count} audit entries that could not be written")]
    private partial void LogEntriesLost(int count);
}
