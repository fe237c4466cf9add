using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Audit;

/// <summary>
/// The audit trail in the embedded SQLite database (<c>audit_log</c>), written through the database's single writer.
/// <see cref="Append"/> only queues; a background loop writes the queue every
/// <see cref="SqliteStorageOptions.HistoryFlushInterval"/> (or at once when it reaches
/// <see cref="SqliteStorageOptions.HistoryMaxBatchSize"/> or a flush is awaited), in one transaction, like the
/// execution history. Entries queued when the process is killed are lost; callers that must not lose one await
/// <see cref="FlushAsync"/>.
/// </summary>
public sealed partial class SqliteAuditLog : IAuditLog, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteAuditLog> _logger;
    private readonly TimeSpan _flushInterval;
    private readonly int _maxBatchSize;
    private readonly Lock _gate = new();
    private readonly AsyncSignal _work = new();
    private readonly AsyncSignal _urgent = new();
    private readonly List<(long Target, TaskCompletionSource Stored)> _waiters = [];
    private readonly Task _loop;
    private Task _schema;
    private List<AuditEntry> _pending = [];
    private long _queued;
    private long _stored;
    private bool _stopping;

    /// <summary>Initializes a new instance of the <see cref="SqliteAuditLog"/> class: creates the table when missing and starts the writer loop.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="options">Batching options (shared with the execution history).</param>
    /// <param name="timeProvider">The clock of the batching delay.</param>
    /// <param name="logger">The logger.</param>
    public SqliteAuditLog(SqliteDatabase database, IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILogger<SqliteAuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        _flushInterval = options.Value.HistoryFlushInterval;
        _maxBatchSize = Math.Max(1, options.Value.HistoryMaxBatchSize);
        _schema = CreateSchemaAsync();
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public void Append(AuditEntry entry)
    {
        var normalized = AuditEntryRules.Normalize(entry);
        int count;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending.Add(normalized);
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
            _waiters.Add((_queued, stored));
        }

        _work.Set();
        _urgent.Set();
        return stored.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks><see cref="AuditQuery.From"/> is inclusive, <see cref="AuditQuery.To"/> exclusive; the limit is clamped to 1..500.</remarks>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.TenantId, nameof(query));
        var pageSize = Math.Clamp(query.Limit, 1, AuditSql.MaxPageSize);
        await EnsureSchemaAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        AuditSql.BuildQuery(command, query, pageSize);
        var items = new List<AuditEntry>(pageSize + 1);
        AuditCursor last = default;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (entry, position) = AuditSql.Read(reader);
                items.Add(entry);
                if (items.Count == pageSize)
                {
                    last = position;
                }
            }
        }

        if (items.Count <= pageSize)
        {
            return new AuditPage(items, null);
        }

        items.RemoveAt(pageSize);
        return new AuditPage(items, last.Encode());
    }

    /// <summary>Stops accepting entries and writes everything queued.</summary>
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
        List<(long Target, TaskCompletionSource Stored)> abandoned;
        lock (_gate)
        {
            abandoned = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.Stored.TrySetException(new ObjectDisposedException(nameof(SqliteAuditLog)));
        }
    }

    /// <summary>Synchronous disposal; blocks until the queued entries are written, since they were accepted.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task CreateSchemaAsync() => _database.WriteAsync(AuditSql.CreateSchema, CancellationToken.None);

    /// <summary>The schema task; a failed attempt (e.g. a full disk at start) is tried again.</summary>
    private Task EnsureSchemaAsync()
    {
        lock (_gate)
        {
            if (_schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateSchemaAsync();
            }

            return _schema;
        }
    }

    private async Task RunAsync()
    {
        var stop = false;
        while (!stop)
        {
            await _work.WaitAsync().ConfigureAwait(false);
            if (!_urgent.IsSet && _flushInterval > TimeSpan.Zero)
            {
                using var cancelDelay = new CancellationTokenSource();
                var delay = Task.Delay(_flushInterval, _timeProvider, cancelDelay.Token);
                await Task.WhenAny(delay, _urgent.WaitAsync()).ConfigureAwait(false);
                await cancelDelay.CancelAsync().ConfigureAwait(false);
            }

            _urgent.Reset();
            stop = await WritePendingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the queue; returns true when the log is stopping and nothing is left to do.</summary>
    private async Task<bool> WritePendingAsync()
    {
        List<AuditEntry> batch;
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
                LogEntriesLost(batch.Count);
                return true;
            }

            _work.Set();
            return false;
        }

        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _stored = Math.Max(_stored, batchEnd);
            done = TakeWaiters(_stored);
            stopping = _stopping && _pending.Count == 0;
        }

        done.ForEach(waiter => waiter.TrySetResult());
        return stopping;
    }

    private async Task<bool> TryWriteAsync(List<AuditEntry> batch, long batchEnd)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureSchemaAsync().ConfigureAwait(false);
            var writes = batch
                .Chunk(_maxBatchSize)
                .Select(chunk => _database.WriteAsync(context => AuditSql.WriteBatch(context, chunk), CancellationToken.None));
            await Task.WhenAll(writes).ConfigureAwait(false);
            LogEntriesWritten(batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception error)
        {
            LogWriteFailed(error, batch.Count);
            List<TaskCompletionSource> failed;
            lock (_gate)
            {
                // Back in front, in order; entries of this batch that did commit are skipped by id on the retry.
                _pending.InsertRange(0, batch);
                failed = TakeWaiters(batchEnd);
            }

            failed.ForEach(waiter => waiter.TrySetException(error));
            return false;
        }
    }

    private List<TaskCompletionSource> TakeWaiters(long upTo)
    {
        var taken = _waiters.FindAll(waiter => waiter.Target <= upTo).ConvertAll(waiter => waiter.Stored);
        _waiters.RemoveAll(waiter => waiter.Target <= upTo);
        return taken;
    }
}
