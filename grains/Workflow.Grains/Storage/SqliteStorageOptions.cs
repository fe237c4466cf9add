using System.Text.Json;

namespace Workflow.Grains.Storage;

/// <summary>Options of the embedded SQLite storage (grain state, reminders and execution history in one file).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Workflow:Storage:Sqlite";

    /// <summary>Gets or sets the directory holding the database file; created when missing. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Gets or sets the database file name inside <see cref="DataDirectory"/>. Default <c>workflow.db</c>.</summary>
    public string FileName { get; set; } = "workflow.db";

    /// <summary>
    /// Gets or sets the most write operations committed in one transaction by the single writer. Default 1024.
    /// Larger batches amortise the commit; smaller ones bound the latency of the first write in a batch.
    /// </summary>
    public int MaxWriteBatchSize { get; set; } = 1024;

    /// <summary>Gets or sets how long queued execution history rows wait to be batched. Default 25 ms.</summary>
    public TimeSpan HistoryFlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Gets or sets the number of queued history rows that triggers a write before <see cref="HistoryFlushInterval"/>
    /// elapses; also the most rows written by one write operation, which bounds how long a history write holds up
    /// grain checkpoints queued behind it. Default 1000.
    /// </summary>
    public int HistoryMaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how often the background checkpointer copies committed pages from the write-ahead log into the
    /// database file. Default 100 ms.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets or sets the size of the write-ahead log, in pages of 4 KB, at which the checkpointer makes the log start
    /// over (at most the 40,000 of SQLite's automatic checkpoint, which would otherwise do it and stall writes).
    /// Default 24,000 (about 1.2 s of log at full webhook load, 96 MB on disk).
    /// </summary>
    public int WalRestartPages { get; set; } = 24_000;

    /// <summary>Gets or sets how long a connection waits for a lock held by another connection. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the JSON options for grain state. Not bound from configuration. Default: web defaults
    /// (camelCase, case-insensitive reads) with enums written as strings.
    /// </summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
