using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Storage;
using Xunit.Abstractions;

namespace Workflow.Grains.Tests.Storage;

/// <summary>Measures write rates and prints them; timing is reported, not asserted, so slow machines do not fail.</summary>
public sealed class SqliteStorageThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly SqliteTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Upsert_FiftyThousandRows_AllStoredAndRateReported()
    {
        const int rows = 50_000;
        await using var database = _directory.OpenDatabase();
        await using var store = new SqliteExecutionHistoryStore(
            database, _directory.Options(), TimeProvider.System, NullLogger<SqliteExecutionHistoryStore>.Instance);
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            store.Upsert(SqliteExecutionHistoryStoreTests.Record("perf", $"e{i:D6}", start.AddMilliseconds(i)));
        }

        await store.FlushAsync();
        clock.Stop();

        output.WriteLine($"execution history: {rows} rows in {clock.ElapsedMilliseconds} ms = {rows / clock.Elapsed.TotalSeconds:N0} rows/s");
        var stored = 0;
        string? cursor = null;
        do
        {
            var page = await store.QueryAsync(new ExecutionQuery { TenantId = "perf", Limit = 500, Cursor = cursor });
            stored += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(rows, stored);
    }

    [Fact]
    public async Task WriteStateAsync_ThousandsOfConcurrentGrains_AllCommittedAndRateReported()
    {
        const int grains = 2_000;
        const int checkpoints = 10;
        await using var database = _directory.OpenDatabase();
        var storage = new SqliteGrainStorage(database, _directory.Options(), TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, grains).Select(i => Task.Run(async () =>
        {
            var id = GrainId.Create("execution", $"perf-{i}");
            var state = new GrainState<Checkpoint>(new Checkpoint());
            for (var n = 1; n <= checkpoints; n++)
            {
                state.State!.Node = n;
                state.State!.Output = $"output of node {n} of execution {i}";
                await storage.WriteStateAsync("execution", id, state);
            }
        })));
        clock.Stop();

        var writes = grains * checkpoints;
        output.WriteLine($"grain state: {writes} checkpoints from {grains} concurrent grains in {clock.ElapsedMilliseconds} ms = {writes / clock.Elapsed.TotalSeconds:N0} writes/s");
        var read = new GrainState<Checkpoint>(new Checkpoint());
        await storage.ReadStateAsync("execution", GrainId.Create("execution", $"perf-{grains - 1}"), read);
        Assert.Equal(checkpoints, read.State!.Node);
    }

    public sealed class Checkpoint
    {
        public int Node { get; set; }

        public string? Output { get; set; }
    }
}
