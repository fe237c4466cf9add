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
public sealed partial class SqliteExecutionHistoryStore
    : BatchedWriteQueue<Dictionary<(string TenantId, string Id), ExecutionRecord>>, IExecutionHistoryStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteExecutionHistoryStore> _logger;

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
        : base(timeProvider, options?.Value.HistoryFlushInterval ?? throw new ArgumentNullException(nameof(options)), options.Value.HistoryMaxBatchSize)
    {
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        Start();
    }

    /// <inheritdoc />
    public void Upsert(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Enqueue(pending =>
        {
            pending[(record.TenantId, record.Id)] = record;
            return pending.Count;
        });
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

    /// <inheritdoc />
    protected override bool StoreDisposed => _database.IsDisposed;

    /// <inheritdoc />
    protected override Dictionary<(string TenantId, string Id), ExecutionRecord> NewBatch() => [];

    /// <inheritdoc />
    protected override int CountOf(Dictionary<(string TenantId, string Id), ExecutionRecord> batch) => batch.Count;

    /// <inheritdoc />
    protected override async Task WriteAsync(Dictionary<(string TenantId, string Id), ExecutionRecord> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var writes = batch.Values
            .Chunk(MaxBatchSize)
            .Select(chunk => _database.WriteAsync(context => ExecutionHistorySql.WriteBatch(context, chunk, now), CancellationToken.None));
        await Task.WhenAll(writes).ConfigureAwait(false);
        LogRowsWritten(batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    /// <remarks>Rewriting rows that did commit is harmless (upsert); a newer queued row for the same id wins.</remarks>
    protected override void Requeue(Dictionary<(string TenantId, string Id), ExecutionRecord> failed, Dictionary<(string TenantId, string Id), ExecutionRecord> pending)
    {
        foreach (var (key, record) in failed)
        {
            pending.TryAdd(key, record);
        }
    }

    /// <inheritdoc />
    protected override void OnWriteFailed(Exception error, int count) => LogWriteFailed(error, count);

    /// <inheritdoc />
    protected override void OnLost(int count) => LogRowsLost(count);
}
