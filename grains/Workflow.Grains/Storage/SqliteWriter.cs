using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>
/// The single writer of the database (group commit). SQLite admits one writer at a time and a commit costs far
/// more than a statement, so every write from every grain is queued here; one loop takes everything queued,
/// runs it in one transaction, commits once, then completes each caller. While a batch commits, the next
/// batch queues up, so the batch size grows with the load by itself.
/// </summary>
internal sealed partial class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<SqliteWriteOperation> _queue =
        Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteWriteContext _context;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private int _checkpointRequested;

    public SqliteWriter(SqliteConnection connection, int maxBatchSize, ILogger logger)
    {
        _connection = connection;
        _context = new SqliteWriteContext(connection);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/>; the task completes once it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriteContext, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var operation = new SqliteWriteOperation<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite storage is stopped.");
        }

        return operation.Task;
    }

    /// <summary>
    /// Asks the writer to checkpoint right after its next commit (see <see cref="WalCheckpointer"/>): the one checkpoint
    /// that catches up with the writer, so that its next transaction starts the log over.
    /// </summary>
    public void RequestCheckpoint() => Volatile.Write(ref _checkpointRequested, 1);

    /// <summary>Stops accepting writes, commits what is queued, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _context.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteOperation>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var operation))
            {
                if (operation.IsCancellationRequested)
                {
                    operation.Cancel();
                }
                else
                {
                    batch.Add(operation);
                }
            }

            if (batch.Count > 0)
            {
                WriteBatch(batch);
                batch.Clear();
            }

            // After the callers of the batch were released: only the writes queued meanwhile wait for it.
            if (Interlocked.Exchange(ref _checkpointRequested, 0) != 0)
            {
                Checkpoint();
            }
        }
    }

    /// <summary>
    /// A passive checkpoint on the writer's connection: with no other writer, it copies everything committed, and the
    /// next transaction starts the log over (unless a reader still reads the old end of it: then at a later one).
    /// </summary>
    private void Checkpoint()
    {
        var result = SQLitePCL.raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", SQLitePCL.raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
        if (result == SQLitePCL.raw.SQLITE_BUSY)
        {
            // The checkpointer's next pass is running: try again after the next commit.
            Volatile.Write(ref _checkpointRequested, 1);
        }
        else if (result != SQLitePCL.raw.SQLITE_OK)
        {
            LogCheckpointFailed(result);
        }
    }

    private void WriteBatch(List<SqliteWriteOperation> batch)
    {
        try
        {
            using (var transaction = _connection.BeginTransaction())
            {
                _context.Transaction = transaction;
                foreach (var operation in batch)
                {
                    try
                    {
                        operation.Execute(_context);
                    }
                    catch (Exception error)
                    {
                        operation.SetError(error);

                        // A statement error normally rolls back that statement only; a few (disk full, I/O)
                        // roll back the whole transaction, and then nothing in this batch may be reported as stored.
                        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0)
                        {
                            throw;
                        }
                    }
                }

                transaction.Commit();
            }

            foreach (var operation in batch)
            {
                operation.Complete();
            }

            LogBatchCommitted(batch.Count);
        }
        catch (Exception error)
        {
            LogBatchFailed(error, batch.Count);
            foreach (var operation in batch)
            {
                operation.Fail(error);
            }
        }
        finally
        {
            _context.Transaction = null;
        }
    }
}
