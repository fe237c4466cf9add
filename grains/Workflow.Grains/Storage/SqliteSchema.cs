using Microsoft.Data.Sqlite;

namespace Workflow.Grains.Storage;

/// <summary>The tables of the embedded database. Every statement is idempotent, so it runs at each start.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Grain state rows are kilobytes of JSON, so the table keeps its rowid: its key lives in a small unique index, and
    /// finding a row never reads another row's data. (A WITHOUT ROWID table compares keys inside the row, reading each
    /// visited row's overflow pages: the first schema did that and spent most of its reads there.)
    /// </summary>
    private const string GrainStateTable = """
        CREATE TABLE IF NOT EXISTS grain_state (
            id         INTEGER PRIMARY KEY,
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag       TEXT NOT NULL,
            active     INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER NOT NULL,
            -- UTF-8 JSON (JSON text in rows written before that); bytes of Orleans' serializer for Orleans' own state
            -- types. BLOB affinity stores each as it comes.
            data       BLOB,
            UNIQUE (grain_type, grain_id, state_name)
        );
        """;

    private const string GrainStateIndexes = """
        CREATE INDEX IF NOT EXISTS ix_grain_state_active
            ON grain_state (grain_type, grain_id) WHERE active = 1;
        """;

    public const string CreateTables = GrainStateTable + GrainStateIndexes + """

        CREATE TABLE IF NOT EXISTS reminder (
            grain_id      TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period        INTEGER NOT NULL,
            etag          TEXT NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        );

        CREATE INDEX IF NOT EXISTS ix_reminder_grain_hash ON reminder (grain_hash);

        CREATE TABLE IF NOT EXISTS workflow_execution (
            id               TEXT NOT NULL PRIMARY KEY,
            tenant_id        TEXT NOT NULL,
            workflow_id      TEXT NOT NULL,
            workflow_version INTEGER NOT NULL,
            workflow_name    TEXT,
            status           TEXT NOT NULL,
            triggered_by     TEXT NOT NULL,
            started_at       INTEGER NOT NULL,
            completed_at     INTEGER,
            duration_ms      INTEGER,
            error_code       TEXT,
            error_message    TEXT,
            updated_at       INTEGER NOT NULL,
            node_timings     TEXT
        );

        CREATE INDEX IF NOT EXISTS ix_workflow_execution_tenant_started
            ON workflow_execution (tenant_id, started_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_workflow_execution_tenant_workflow_started
            ON workflow_execution (tenant_id, workflow_id, started_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_workflow_execution_tenant_status_started
            ON workflow_execution (tenant_id, status, started_at DESC, id DESC);
        """;

    /// <summary>Columns added after the first release, added to databases created before them.</summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("workflow_execution", "node_timings", "TEXT"),
    ];

    /// <summary>Brings an existing database up to <see cref="CreateTables"/> (run right after it, on the writer connection).</summary>
    public static void Migrate(SqliteCommand command)
    {
        MigrateGrainStateToRowid(command);
        foreach (var (table, column, definition) in AddedColumns)
        {
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Rebuilds a <c>grain_state</c> of the first schema (WITHOUT ROWID) as a rowid table, keeping every row.</summary>
    private static void MigrateGrainStateToRowid(SqliteCommand command)
    {
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'";
        if (command.ExecuteScalar() is not string sql || !sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        command.CommandText = "BEGIN IMMEDIATE;" +
            "DROP INDEX IF EXISTS ix_grain_state_active;" +
            "ALTER TABLE grain_state RENAME TO grain_state_without_rowid;" +
            GrainStateTable +
            """
            INSERT INTO grain_state (grain_type, grain_id, state_name, etag, active, updated_at, data)
                SELECT grain_type, grain_id, state_name, etag, active, updated_at, data FROM grain_state_without_rowid;
            DROP TABLE grain_state_without_rowid;
            """ +
            GrainStateIndexes +
            "COMMIT;";
        try
        {
            command.ExecuteNonQuery();
        }
        catch when (SQLitePCL.raw.sqlite3_get_autocommit(command.Connection!.Handle) == 0)
        {
            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
            throw;
        }
    }
}
