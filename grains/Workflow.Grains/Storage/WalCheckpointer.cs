using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file every 100 ms on its own connection and
/// thread, ahead of the writer's own automatic checkpoint. That one runs inside the commit that crosses its threshold
/// (40,000 pages, about 160 MB of log), and every write queued behind it waits while it copies and syncs; with this pass
/// running first it finds only the last few milliseconds of pages left. The writer's checkpoint stays, because only a
/// checkpoint that catches up with the writer lets the log start over: this pass alone never does while commits keep
/// coming (readers hold marks on the frames committed after it), and the log would grow without bound.
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private readonly Thread _thread;
    private readonly TimeSpan _interval;

    public WalCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _logger = logger;
        _interval = interval;
        // A thread of its own: each pass blocks in fsync for milliseconds, which on a pool thread made the pool add
        // threads that then competed with the writer for the cores.
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
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException error)
        {
            // Busy or I/O trouble: the log keeps everything committed; the next tick tries again.
            LogCheckpointFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying at the next interval")]
    private partial void LogCheckpointFailed(Exception error);
}
