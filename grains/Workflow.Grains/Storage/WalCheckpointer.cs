using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file every 100 ms on its own connection and
/// thread, ahead of the writer's own automatic checkpoint. That one runs inside the commit that crosses its threshold
/// (10,000 pages, about 40 MB of log), and every write queued behind it waits while it copies and syncs; with this pass
/// running first it finds only the last few milliseconds of pages left. The writer's checkpoint stays, because only a
/// checkpoint that catches up with the writer lets the log start over: this pass alone never does while commits keep
/// coming (readers hold marks on the frames committed after it), and the log would grow without bound.
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
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
