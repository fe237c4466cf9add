using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Storage;

/// <summary>
/// Execution history in the embedded SQLite database (<c>workflow_execution</c>). <see cref="Upsert"/> only queues
/// (a later row for the same id replaces the queued one); a background loop writes what is queued every
/// <see cref="SqliteStorageOptions.HistoryFlushInterval"/>, or at once when the queue is large or a flush is awaited,
/// in one transaction. An execution changing status several times within the interval costs one row write.
/// </summary>
public sealed partial class SqliteExecutionHistoryStore : IExecutionHistoryStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteExecutionHistoryStore> _logger;
    private readonly TimeSpan _flushInterval;
    private readonly int _maxBatchSize;
    private readonly Lock _gate = new();
    private readonly AsyncSignal _work = new();
    private readonly AsyncSignal _urgent = new();
    private readonly List<FlushWaiter> _waiters = [];
    private readonly Task _loop;
    private Dictionary<(string TenantId, string Id), ExecutionRecord> _pending = [];
    private long _queued;
    private long _stored;
    private bool _stopping;

    /// <summary>Initializes a new instance of the <see cref="SqliteExecutionHistoryStore"/> class and starts its writer loop.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="options">Batching options.</param>
    /// <param name="timeProvider">The clock of the batching delay and of <c>updated_at</c> when a record has none.</param>
    /// <param name="logger">The logger.</param>
    public SqliteExecutionHistoryStore(
        SqliteDatabase database,
        IOptions<SqliteStorageOptions> options,
        TimeProvider timeProvider,
        ILogger<SqliteExecutionHistoryStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        _flushInterval = options.Value.HistoryFlushInterval;
        _maxBatchSize = Math.Max(1, options.Value.HistoryMaxBatchSize);
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public void Upsert(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        int count;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending[(record.TenantId, record.Id)] = record;
            _queued++;
            count = _pending.Count;
        }

        if (count == 1)
        {
            _work.Set();
        }

        if (count >= _maxBatchSize)
        {
            _urgent.Set();
        }
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource stored;
        lock (_gate)
        {
            if (_stored >= _queued)
            {
                return Task.CompletedTask;
            }

            stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(new FlushWaiter(_queued, stored));
        }

        _work.Set();
        _urgent.Set();
        return stored.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ExecutionRecord?> GetAsync(string tenantId, string executionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        ExecutionHistorySql.BuildGet(command, tenantId, executionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ExecutionHistorySql.Read(reader) : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="ExecutionQuery.From"/> is inclusive and <see cref="ExecutionQuery.To"/> exclusive; the limit is
    /// clamped to 1..500. A cursor that this store did not produce throws <see cref="ArgumentException"/>.
    /// </remarks>
    public async Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.TenantId, nameof(query));
        var pageSize = Math.Clamp(query.Limit, 1, ExecutionHistorySql.MaxPageSize);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        ExecutionHistorySql.BuildQuery(command, query, pageSize);
        var items = new List<ExecutionRecord>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ExecutionHistorySql.Read(reader));
            }
        }

        if (items.Count <= pageSize)
        {
            return new ExecutionPage(items, null);
        }

        items.RemoveAt(pageSize);
        var last = items[^1];
        return new ExecutionPage(items, new ExecutionCursor(last.StartedAt.ToUnixTimeMilliseconds(), last.Id).Encode());
    }

    /// <summary>Stops accepting rows and writes everything queued.</summary>
    /// <returns>A task completed once the queue is stored (or given up after a failed write).</returns>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
        }

        _work.Set();
        _urgent.Set();
        await _loop.ConfigureAwait(false);

        List<FlushWaiter> abandoned;
        lock (_gate)
        {
            abandoned = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.Stored.TrySetException(new ObjectDisposedException(nameof(SqliteExecutionHistoryStore)));
        }
    }

    /// <summary>Synchronous disposal; blocks until the queued rows are written, since they were accepted.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var stop = false;
        while (!stop)
        {
            await _work.WaitAsync().ConfigureAwait(false);
            if (!_urgent.IsSet && _flushInterval > TimeSpan.Zero)
            {
                // Waiting lets repeated updates of one execution collapse into one row write.
                using var cancelDelay = new CancellationTokenSource();
                var delay = Task.Delay(_flushInterval, _timeProvider, cancelDelay.Token);
                await Task.WhenAny(delay, _urgent.WaitAsync()).ConfigureAwait(false);
                await cancelDelay.CancelAsync().ConfigureAwait(false);
            }

            _urgent.Reset();
            stop = await WritePendingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the queue; returns true when the store is stopping and nothing is left to do.</summary>
    private async Task<bool> WritePendingAsync()
    {
        Dictionary<(string TenantId, string Id), ExecutionRecord> batch;
        long batchEnd;
        bool stopping;
        lock (_gate)
        {
            batch = _pending;
            batchEnd = _queued;
            stopping = _stopping;
            if (batch.Count > 0)
            {
                _pending = [];
            }
        }

        if (batch.Count > 0 && !await TryWriteAsync(batch, batchEnd).ConfigureAwait(false))
        {
            if (stopping || _database.IsDisposed)
            {
                LogRowsLost(batch.Count);
                return true;
            }

            _work.Set();
            return false;
        }

        List<FlushWaiter> done;
        lock (_gate)
        {
            _stored = Math.Max(_stored, batchEnd);
            done = TakeWaiters(_stored);
            stopping = _stopping && _pending.Count == 0;
        }

        foreach (var waiter in done)
        {
            waiter.Stored.TrySetResult();
        }

        return stopping;
    }

    private async Task<bool> TryWriteAsync(Dictionary<(string TenantId, string Id), ExecutionRecord> batch, long batchEnd)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var writes = batch.Values
                .Chunk(_maxBatchSize)
                .Select(chunk => _database.WriteAsync(context => ExecutionHistorySql.WriteBatch(context, chunk, now), CancellationToken.None));
            await Task.WhenAll(writes).ConfigureAwait(false);
            LogRowsWritten(batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception error)
        {
            LogWriteFailed(error, batch.Count);
            List<FlushWaiter> failed;
            lock (_gate)
            {
                // Rewriting rows that did commit is harmless (upsert); a newer queued row for the same id wins.
                foreach (var (key, record) in batch)
                {
                    _pending.TryAdd(key, record);
                }

                failed = TakeWaiters(batchEnd);
            }

            foreach (var waiter in failed)
            {
                waiter.Stored.TrySetException(error);
            }

            return false;
        }
    }

    private List<FlushWaiter> TakeWaiters(long upTo)
    {
        var taken = _waiters.FindAll(waiter => waiter.Target <= upTo);
        _waiters.RemoveAll(waiter => waiter.Target <= upTo);
        return taken;
    }

    private sealed record FlushWaiter(long Target, TaskCompletionSource Stored);
}
