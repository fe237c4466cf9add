using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>Log messages of <see cref="SqliteDatabase"/>.</summary>
public sealed partial class SqliteDatabase
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened SQLite database {Path} (WAL, synchronous=NORMAL)")]
    private partial void LogOpened(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed SQLite database {Path}")]
    private partial void LogClosed(string path);
}
