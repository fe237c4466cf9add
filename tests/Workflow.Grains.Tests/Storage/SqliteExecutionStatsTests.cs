using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

public sealed class SqliteExecutionStatsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Workflow = Guid.Parse("0b9f1f0e-2222-4c5e-9a55-000000000001");
    private readonly SqliteTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetStats_FinishedRuns_P95ByNearestRankAndNodesSlowestFirst()
    {
        await using var database = _directory.OpenDatabase();
        await using var store = Store(database);
        for (var i = 1; i <= 20; i++)
        {
            store.Upsert(Finished($"e{i}", T0.AddSeconds(i), i == 20 ? "failed" : "completed", i,
                $$"""{"start":[0.5,0],"work":[{{i}},{{(i == 20 ? 1 : 0)}}]}"""));
        }
        store.Upsert(Finished("running", T0.AddSeconds(30), "running", null, null));
        store.Upsert(Finished("old", T0.AddDays(-2), "completed", 1000, null));

        var stats = await store.GetStatsAsync(new WorkflowStatsQuery("t1", Workflow, T0.AddHours(-1), T0.AddHours(1)));

        Assert.Equal(21, stats.Total);
        Assert.Equal(19, stats.ByStatus["completed"]);
        Assert.Equal(1, stats.ByStatus["failed"]);
        Assert.Equal(1, stats.ByStatus["running"]);
        Assert.Equal(0, stats.ByStatus["cancelled"]);
        Assert.Equal(0.95, stats.SuccessRate);
        Assert.Equal(10.5, stats.AvgDurationMs);
        Assert.Equal(19, stats.P95DurationMs);
        Assert.Equal(["work", "start"], stats.Nodes.Select(n => n.NodeId));
        Assert.Equal(20, stats.Nodes[0].Count);
        Assert.Equal(1, stats.Nodes[0].Failures);
        Assert.Equal(19, stats.Nodes[0].P95DurationMs);
        Assert.Equal(0.5, stats.Nodes[1].AvgDurationMs);
    }

    [Fact]
    public async Task Open_DatabaseBeforeNodeTimings_AddsTheColumn()
    {
        Directory.CreateDirectory(_directory.Path);
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "workflow.db")};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE workflow_execution (
                    id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL, workflow_id TEXT NOT NULL, workflow_version INTEGER NOT NULL,
                    workflow_name TEXT, status TEXT NOT NULL, triggered_by TEXT NOT NULL, started_at INTEGER NOT NULL,
                    completed_at INTEGER, duration_ms INTEGER, error_code TEXT, error_message TEXT, updated_at INTEGER NOT NULL)
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var database = _directory.OpenDatabase();
        await using var store = Store(database);
        var record = Finished("e1", T0, "completed", 5, """{"work":[5,0]}""");
        store.Upsert(record);
        await store.FlushAsync();

        Assert.Equal(record, await store.GetAsync("t1", "e1"));
    }

    private SqliteExecutionHistoryStore Store(SqliteDatabase database) =>
        new(database, _directory.Options(o => o.HistoryFlushInterval = TimeSpan.FromMilliseconds(25)), TimeProvider.System,
            NullLogger<SqliteExecutionHistoryStore>.Instance);

    private static ExecutionRecord Finished(string id, DateTimeOffset startedAt, string status, long? durationMs, string? timings) => new()
    {
        Id = id,
        TenantId = "t1",
        WorkflowId = Workflow,
        WorkflowVersion = 1,
        Status = status,
        StartedAt = startedAt,
        CompletedAt = durationMs is { } d ? startedAt.AddMilliseconds(d) : null,
        DurationMs = durationMs,
        UpdatedAt = startedAt,
        NodeTimingsJson = timings,
    };
}
