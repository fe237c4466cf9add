using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Workflow.Grains.Storage;

/// <summary>
/// Keeps the write-ahead log short without stalling the writer. Every interval, on its own connection and thread, it
/// copies the committed pages from the log into the database file (a passive checkpoint: the writer goes on
/// committing meanwhile). That alone never lets the log start over while commits keep coming, since each pass leaves
/// the pages committed while it ran; only a checkpoint that catches up with the writer does. So once the log holds
/// <c>restartPages</c>, this thread does the slow part of that checkpoint ahead of the writer: it flushes the
/// database file (the pages its passes copied, up to 25 ms of device time under load), then runs passes until little
/// is left, and asks the writer to checkpoint right after its next commit. The writer copies and flushes the last
/// few milliseconds of pages (3-10 ms instead of the 45-50 ms of SQLite's automatic checkpoint, which copied and
/// flushed everything since the previous one while every queued write waited), and its next transaction starts the
/// log from the beginning.
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    /// <summary>Passes after the flush: each leaves what was committed while the previous one ran, fewer each time.</summary>
    private const int ConvergingPasses = 2;

    private readonly SqliteConnection _connection;
    private readonly SafeFileHandle _databaseFile;
    private readonly int _restartPages;
    private readonly Action _requestWriterCheckpoint;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private readonly Thread _thread;
    private readonly TimeSpan _interval;

    /// <param name="connectionString">A connection string of the database, not pooled.</param>
    /// <param name="databaseFile">
    /// A handle on the database file, only flushed here. Its owner closes it after every connection: closing any
    /// descriptor of the file drops the process's POSIX locks on it, SQLite's included.
    /// </param>
    /// <param name="interval">Time between passes.</param>
    /// <param name="restartPages">Log size (pages) at which the log is made to start over.</param>
    /// <param name="requestWriterCheckpoint">Asks the writer to checkpoint after its next commit.</param>
    /// <param name="logger">The logger.</param>
    public WalCheckpointer(string connectionString, SafeFileHandle databaseFile, TimeSpan interval, int restartPages,
        Action requestWriterCheckpoint, ILogger logger)
    {
        _databaseFile = databaseFile;
        _interval = interval;
        _restartPages = restartPages;
        _requestWriterCheckpoint = requestWriterCheckpoint;
        _logger = logger;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // A connection learns that the file is in WAL mode from its header, on its first read; until then a checkpoint
        // call does nothing at all (it answers -1 pages). Read once.
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM sqlite_schema";
            command.ExecuteScalar();
        }

        // A thread of its own: each pass blocks in the file system for milliseconds, which on a pool thread made the
        // pool add threads that then competed with the writer for the cores.
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        _thread.Start();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Set();
        await Task.Run(_thread.Join).ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Run()
    {
        // Stopped when signalled; the last connection to close checkpoints whatever is left.
        while (!_stop.Wait(_interval))
        {
            Checkpoint();
        }
    }

    private void Checkpoint()
    {
        if (Pass() is not { } pages || pages < _restartPages)
        {
            return;
        }

        try
        {
            RandomAccess.FlushToDisk(_databaseFile);
        }
        catch (IOException error)
        {
            // The writer's checkpoint flushes the file itself, only slower.
            LogFlushFailed(error);
        }

        for (var i = 0; i < ConvergingPasses; i++)
        {
            if (Pass() is null)
            {
                break;
            }
        }

        _requestWriterCheckpoint();
    }

    /// <summary>One passive checkpoint; answers the pages in the log, or null when it did not run.</summary>
    private int? Pass()
    {
        var result = SQLitePCL.raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", SQLitePCL.raw.SQLITE_CHECKPOINT_PASSIVE, out var pages, out _);
        if (result == SQLitePCL.raw.SQLITE_OK)
        {
            return pages;
        }

        // Busy: another connection is checkpointing (the writer, or another database object on the same file). Else
        // I/O trouble. Either way the log keeps everything committed, and the next tick tries again.
        if (result != SQLitePCL.raw.SQLITE_BUSY)
        {
            LogCheckpointFailed(result);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed with SQLite error {Code}; retrying at the next interval")]
    private partial void LogCheckpointFailed(int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing the database file before a log restart failed")]
    private partial void LogFlushFailed(Exception error);
}
