using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace Workflow.Grains.Storage;

/// <summary>
/// The embedded SQLite database shared by grain state, reminders and execution history: creates the file and the
/// tables, hands out read connections and owns the single writer that commits writes in groups.
/// </summary>
/// <remarks>
/// WAL journal with <c>synchronous=NORMAL</c>: a commit reaches the operating system before the writer reports it,
/// so a committed write survives a crash or kill of the process (not a power loss), and readers never wait for the
/// writer.
/// </remarks>
public sealed partial class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private const string ConnectionPragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA journal_size_limit = 268435456;
        PRAGMA temp_store = MEMORY;
        -- A 2 MB page cache (SQLite's default). Larger ones cost more than they save: every commit walks the whole
        -- cache's hash table (pcache1TruncateUnsafe: 2 % of the silo's CPU under webhook load with 16 MB).
        PRAGMA cache_size = -2000;
        -- WalCheckpointer copies the log into the file and has the writer start it over at WalRestartPages (24,000 by
        -- default), with the slow part done ahead of it. SQLite's own automatic checkpoint, which copies and flushes
        -- everything since the last one while every queued write waits (45-50 ms under webhook load), stays only as
        -- the backstop should that fall behind: 40,000 pages (160 MB; kept on disk between restarts, as the size
        -- limit above is larger).
        PRAGMA wal_autocheckpoint = 40000;
        """;

    private readonly string _readConnectionString;
    private readonly SqliteWriter _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly SafeFileHandle _databaseFile;
    private readonly ILogger<SqliteDatabase> _logger;
    private int _disposed;

    /// <summary>
    /// Opens (creating when missing) the database file and its tables. Runs synchronously because every grain
    /// needs the tables before it activates and a constructor cannot be awaited; it takes milliseconds.
    /// </summary>
    /// <param name="options">Where the file lives and how writes are batched.</param>
    /// <param name="logger">The logger.</param>
    public SqliteDatabase(IOptions<SqliteStorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;
        FilePath = settings.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)settings.BusyTimeout.TotalSeconds),
        };
        _readConnectionString = builder.ToString();

        // The writer keeps its connection for its whole life, so it stays out of the pool.
        builder.Pooling = false;
        var writeConnection = new SqliteConnection(builder.ToString());
        try
        {
            writeConnection.Open();
            using (var command = writeConnection.CreateCommand())
            {
                command.CommandText = ConnectionPragmas;
                command.ExecuteNonQuery();
                command.CommandText = "PRAGMA journal_mode;";
                var journalMode = command.ExecuteScalar() as string;
                if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"SQLite database '{FilePath}' could not switch to WAL mode (got '{journalMode}').");
                }

                command.CommandText = SqliteSchema.CreateTables;
                command.ExecuteNonQuery();
                SqliteSchema.Migrate(command);
            }
        }
        catch
        {
            writeConnection.Dispose();
            throw;
        }

        _writer = new SqliteWriter(writeConnection, settings.MaxWriteBatchSize, logger);
        _databaseFile = File.OpenHandle(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        _checkpointer = new WalCheckpointer(builder.ToString(), _databaseFile, settings.CheckpointInterval, settings.WalRestartPages,
            _writer.RequestCheckpoint, logger);
        LogOpened(FilePath);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Gets a value indicating whether the database was disposed and accepts no more writes.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Stops accepting writes, commits everything queued and closes all connections.</summary>
    /// <returns>A task completed once the queued writes are committed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _checkpointer.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        using (var connection = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _databaseFile.Dispose();

        LogClosed(FilePath);
    }

    /// <summary>
    /// Synchronous disposal for containers disposed synchronously; blocks until the queued writes are committed,
    /// because dropping them would break the durability promise of the writes already accepted.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Opens a pooled read connection; WAL lets it read while the writer commits.</summary>
    internal async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Queues a write for the next group commit; the task completes once it is committed.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteWriteContext, T> work, CancellationToken cancellationToken) =>
        _writer.WriteAsync(work, cancellationToken);
}
