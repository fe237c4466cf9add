using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on its own connection and thread, so the
/// single writer never stops committing for it. (SQLite's automatic checkpoint runs inside the commit that crosses the
/// threshold: under webhook load that commit, and every write queued behind it, waited while thousands of pages were
/// read, written and synced.) A passive checkpoint runs alongside the writer; when the log still grows past
/// <see cref="RestartFrames"/> — readers kept it pinned — a restarting one waits for them and lets the log start over.
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    /// <summary>About 64 MB of 4 KB pages.</summary>
    private const int RestartFrames = 16_384;

    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WalCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _logger = logger;
        _loop = RunAsync(interval);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Checkpoint();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped; the last connection to close checkpoints whatever is left.
        }
    }

    private void Checkpoint()
    {
        try
        {
            if (Run("PASSIVE") >= RestartFrames)
            {
                Run("RESTART");
            }
        }
        catch (SqliteException error)
        {
            // Busy or I/O trouble: the log keeps everything committed; the next tick tries again.
            LogCheckpointFailed(error);
        }
    }

    /// <summary>Runs one checkpoint; returns the frames in the log.</summary>
    private long Run(string mode)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying at the next interval")]
    private partial void LogCheckpointFailed(Exception error);
}
