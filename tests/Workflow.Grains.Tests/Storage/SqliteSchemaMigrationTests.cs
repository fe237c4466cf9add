using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>A database written by the first schema (grain_state WITHOUT ROWID) opens with every row kept.</summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private readonly SqliteTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_FirstSchemaGrainState_RebuiltWithRowidKeepingRowsAndActiveIndex()
    {
        var path = _directory.Options().Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE grain_state (
                    grain_type TEXT NOT NULL, grain_id TEXT NOT NULL, state_name TEXT NOT NULL, etag TEXT NOT NULL,
                    data BLOB, active INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL,
                    PRIMARY KEY (grain_type, grain_id, state_name)
                ) WITHOUT ROWID;
                CREATE INDEX ix_grain_state_active ON grain_state (grain_type, grain_id) WHERE active = 1;
                INSERT INTO grain_state VALUES ('test', 'kept', 'state', 'e1', '{"value":5}', 1, 10);
                INSERT INTO grain_state VALUES ('test', 'done', 'state', 'e2', '{"value":6}', 0, 11);
                """;
            command.ExecuteNonQuery();
        }

        await using (var database = _directory.OpenDatabase())
        {
            var storage = new SqliteGrainStorage(database, _directory.Options(), TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
            var kept = new GrainState<Counter>(new Counter());
            await storage.ReadStateAsync("state", GrainId.Create("test", "kept"), kept);
            Assert.Equal(5, kept.State!.Value);
            Assert.Equal("e1", kept.ETag);
            Assert.Equal(["kept"], await storage.ListRecoverableAsync("test", CancellationToken.None));

            // The optimistic-concurrency update works on the rebuilt table.
            kept.State!.Value = 7;
            await storage.WriteStateAsync("state", GrainId.Create("test", "kept"), kept);
            Assert.NotEqual("e1", kept.ETag);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'";
            Assert.DoesNotContain("WITHOUT ROWID", (string)command.ExecuteScalar()!, StringComparison.OrdinalIgnoreCase);
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('ix_grain_state_active', 'grain_state_without_rowid')";
            Assert.Equal(1L, command.ExecuteScalar());
            command.CommandText = "SELECT grain_id || ':' || etag || ':' || active || ':' || CAST(data AS TEXT) FROM grain_state ORDER BY grain_id";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }
            Assert.Equal("done:e2:0:{\"value\":6}", rows[0]);
            Assert.StartsWith("kept:", rows[1], StringComparison.Ordinal);
            Assert.Contains("\"value\":7", rows[1], StringComparison.Ordinal);
            Assert.Equal(2, rows.Count);
        }
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }
}
