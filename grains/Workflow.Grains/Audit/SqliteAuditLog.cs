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
public sealed partial class SqliteAuditLog : BatchedWriteQueue<List<AuditEntry>>, IAuditLog
{
    private readonly SqliteDatabase _database;
    private readonly ILogger<SqliteAuditLog> _logger;
    private Task _schema;

    /// <summary>Initializes a new instance of the <see cref="SqliteAuditLog"/> class: creates the table when missing and starts the writer loop.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="options">Batching options (shared with the execution history).</param>
    /// <param name="timeProvider">The clock of the batching delay.</param>
    /// <param name="logger">The logger.</param>
    public SqliteAuditLog(SqliteDatabase database, IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILogger<SqliteAuditLog> logger)
        : base(timeProvider, options?.Value.HistoryFlushInterval ?? throw new ArgumentNullException(nameof(options)), options.Value.HistoryMaxBatchSize)
    {
        _database = database;
        _logger = logger;
        _schema = CreateSchemaAsync();
        Start();
    }

    /// <inheritdoc />
    public void Append(AuditEntry entry)
    {
        var normalized = AuditEntryRules.Normalize(entry);
        Enqueue(pending =>
        {
            pending.Add(normalized);
            return pending.Count;
        });
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

    private Task CreateSchemaAsync() => _database.WriteAsync(AuditSql.CreateSchema, CancellationToken.None);

    /// <summary>The schema task; a failed attempt (e.g. a full disk at start) is tried again.</summary>
    private Task EnsureSchemaAsync()
    {
        lock (Gate)
        {
            if (_schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateSchemaAsync();
            }

            return _schema;
        }
    }

    /// <inheritdoc />
    protected override bool StoreDisposed => _database.IsDisposed;

    /// <inheritdoc />
    protected override List<AuditEntry> NewBatch() => [];

    /// <inheritdoc />
    protected override int CountOf(List<AuditEntry> batch) => batch.Count;

    /// <inheritdoc />
    protected override async Task WriteAsync(List<AuditEntry> batch)
    {
        var started = Stopwatch.GetTimestamp();
        await EnsureSchemaAsync().ConfigureAwait(false);
        var writes = batch
            .Chunk(MaxBatchSize)
            .Select(chunk => _database.WriteAsync(context => AuditSql.WriteBatch(context, chunk), CancellationToken.None));
        await Task.WhenAll(writes).ConfigureAwait(false);
        LogEntriesWritten(batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    /// <remarks>Back in front, in order; entries of the batch that did commit are skipped by id on the retry.</remarks>
    protected override void Requeue(List<AuditEntry> failed, List<AuditEntry> pending) => pending.InsertRange(0, failed);

    /// <inheritdoc />
    protected override void OnWriteFailed(Exception error, int count) => LogWriteFailed(error, count);

    /// <inheritdoc />
    protected override void OnLost(int count) => LogEntriesLost(count);
}
