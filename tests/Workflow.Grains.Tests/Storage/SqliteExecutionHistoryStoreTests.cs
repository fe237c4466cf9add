using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

public sealed class SqliteExecutionHistoryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid WorkflowA = Guid.Parse("0b9f1f0e-1111-4c5e-9a55-000000000001");
    private static readonly Guid WorkflowB = Guid.Parse("0b9f1f0e-1111-4c5e-9a55-000000000002");
    private readonly SqliteTestDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteExecutionHistoryStore _store = null!;

    public Task InitializeAsync()
    {
        (_database, _store) = Open(TimeSpan.FromMilliseconds(25));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Upsert_ThenFlush_GetReturnsAllFields()
    {
        var record = Record("t1", "e1", T0) with
        {
            WorkflowVersion = 3,
            WorkflowName = "Invoices",
            Status = "failed",
            TriggeredBy = "webhook",
            CompletedAt = T0.AddSeconds(2),
            DurationMs = 2000,
            ErrorCode = "http_500",
            ErrorMessage = "upstream failed",
            UpdatedAt = T0.AddSeconds(2),
        };

        _store.Upsert(record);
        await _store.FlushAsync();

        Assert.Equal(record, await _store.GetAsync("t1", "e1"));
    }

    [Fact]
    public async Task Upsert_SameIdTwiceBeforeFlush_StoresTheLaterRow()
    {
        _store.Upsert(Record("t1", "e1", T0) with { Status = "running", UpdatedAt = T0 });
        _store.Upsert(Record("t1", "e1", T0) with { Status = "completed", UpdatedAt = T0.AddSeconds(1) });
        await _store.FlushAsync();

        Assert.Equal("completed", (await _store.GetAsync("t1", "e1"))!.Status);
    }

    [Fact]
    public async Task Upsert_AfterFlush_ReplacesStoredRow()
    {
        _store.Upsert(Record("t1", "e1", T0) with { Status = "running", UpdatedAt = T0 });
        await _store.FlushAsync();

        _store.Upsert(Record("t1", "e1", T0) with { Status = "completed", UpdatedAt = T0.AddSeconds(1) });
        await _store.FlushAsync();

        var page = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1" });
        Assert.Equal("completed", Assert.Single(page.Items).Status);
    }

    [Fact]
    public async Task Upsert_OlderUpdatedAtThanStored_KeepsNewerRow()
    {
        _store.Upsert(Record("t1", "e1", T0) with { Status = "completed", UpdatedAt = T0.AddSeconds(5) });
        await _store.FlushAsync();

        _store.Upsert(Record("t1", "e1", T0) with { Status = "running", UpdatedAt = T0.AddSeconds(1) });
        await _store.FlushAsync();

        Assert.Equal("completed", (await _store.GetAsync("t1", "e1"))!.Status);
    }

    [Fact]
    public async Task Upsert_BeforeFlushWithLongInterval_NotVisibleUntilFlushAsync()
    {
        await _store.DisposeAsync();
        _store = new SqliteExecutionHistoryStore(
            _database, _directory.Options(o => o.HistoryFlushInterval = TimeSpan.FromSeconds(10)), TimeProvider.System, NullLogger<SqliteExecutionHistoryStore>.Instance);

        _store.Upsert(Record("t1", "e1", T0));
        var before = await _store.GetAsync("t1", "e1");
        var flush = _store.FlushAsync();
        await flush.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Null(before);
        Assert.NotNull(await _store.GetAsync("t1", "e1"));
    }

    [Fact]
    public async Task FlushAsync_NothingQueued_CompletesImmediately()
    {
        var flush = _store.FlushAsync();

        Assert.True(flush.IsCompletedSuccessfully);
        await flush;
    }

    [Fact]
    public async Task DisposeAsync_QueuedRows_AreStoredAndSurviveReopen()
    {
        await _store.DisposeAsync();
        _store = new SqliteExecutionHistoryStore(
            _database, _directory.Options(o => o.HistoryFlushInterval = TimeSpan.FromSeconds(10)), TimeProvider.System, NullLogger<SqliteExecutionHistoryStore>.Instance);
        for (var i = 0; i < 100; i++)
        {
            _store.Upsert(Record("t1", $"e{i:D3}", T0.AddSeconds(i)));
        }

        await _store.DisposeAsync();
        await _database.DisposeAsync();
        (_database, _store) = Open(TimeSpan.FromMilliseconds(25));

        var page = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", Limit = 500 });
        Assert.Equal(100, page.Items.Count);
    }

    [Fact]
    public async Task Upsert_AfterDispose_Throws()
    {
        await _store.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => _store.Upsert(Record("t1", "late", T0)));
    }

    [Fact]
    public async Task GetAsync_OtherTenant_ReturnsNull()
    {
        _store.Upsert(Record("tenant-a", "e1", T0));
        await _store.FlushAsync();

        Assert.Null(await _store.GetAsync("tenant-b", "e1"));
    }

    [Fact]
    public async Task QueryAsync_OtherTenantsRows_NeverReturned()
    {
        for (var i = 0; i < 30; i++)
        {
            _store.Upsert(Record("tenant-a", $"a{i}", T0.AddMinutes(i)));
        }

        await _store.FlushAsync();
        _store.Upsert(Record("tenant-b", "b1", T0));
        _store.Upsert(Record("tenant-b", "a5", T0.AddHours(1)) with { Status = "hijacked", UpdatedAt = T0.AddHours(1) });
        await _store.FlushAsync();

        var pageB = await _store.QueryAsync(new ExecutionQuery { TenantId = "tenant-b", Limit = 500 });
        var pageA = await _store.QueryAsync(new ExecutionQuery { TenantId = "tenant-a", Limit = 500 });

        Assert.Equal(["b1"], pageB.Items.Select(r => r.Id));
        Assert.Equal(30, pageA.Items.Count);
        Assert.All(pageA.Items, r => Assert.Equal("tenant-a", r.TenantId));
        Assert.DoesNotContain(pageA.Items, r => r.Status == "hijacked");
    }

    [Fact]
    public async Task QueryAsync_WorkflowStatusAndTimeFilters_ReturnMatchingRowsNewestFirst()
    {
        _store.Upsert(Record("t1", "a-old", T0.AddMinutes(-10)) with { WorkflowId = WorkflowA });
        _store.Upsert(Record("t1", "a-1", T0) with { WorkflowId = WorkflowA, Status = "failed" });
        _store.Upsert(Record("t1", "a-2", T0.AddMinutes(1)) with { WorkflowId = WorkflowA });
        _store.Upsert(Record("t1", "a-3", T0.AddMinutes(2)) with { WorkflowId = WorkflowA });
        _store.Upsert(Record("t1", "b-1", T0.AddMinutes(1)) with { WorkflowId = WorkflowB });
        await _store.FlushAsync();

        var byWorkflow = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", WorkflowId = WorkflowA });
        var byStatus = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", Status = "failed" });
        var byTime = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", From = T0, To = T0.AddMinutes(2) });

        Assert.Equal(["a-3", "a-2", "a-1", "a-old"], byWorkflow.Items.Select(r => r.Id));
        Assert.Equal(["a-1"], byStatus.Items.Select(r => r.Id));
        Assert.Equal(["b-1", "a-2", "a-1"], byTime.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task QueryAsync_Paging250RowsWithTies_VisitsEveryRowOnceNewestFirst()
    {
        // Ten rows share each start time, so only the id separates them at page boundaries.
        var expected = Enumerable.Range(0, 250).Select(i => Record("t1", $"e{i:D3}", T0.AddSeconds(i / 10))).ToList();
        foreach (var record in expected.OrderBy(_ => Random.Shared.Next()))
        {
            _store.Upsert(record);
        }

        _store.Upsert(Record("t2", "other", T0));
        await _store.FlushAsync();

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", Limit = 40, Cursor = cursor });
            Assert.True(page.Items.Count <= 40);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        var newestFirst = expected.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id);
        Assert.Equal(newestFirst, seen);
        Assert.Equal(7, pages);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(10_000, 500)]
    public async Task QueryAsync_LimitOutOfRange_IsClamped(int limit, int expectedCount)
    {
        for (var i = 0; i < 501; i++)
        {
            _store.Upsert(Record("t1", $"e{i:D3}", T0.AddSeconds(i)));
        }

        await _store.FlushAsync();

        var page = await _store.QueryAsync(new ExecutionQuery { TenantId = "t1", Limit = limit });

        Assert.Equal(expectedCount, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm9jb2xvbg")]
    public async Task QueryAsync_InvalidCursor_ThrowsArgumentException(string cursor)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _store.QueryAsync(new ExecutionQuery { TenantId = "t1", Cursor = cursor }));
    }

    internal static ExecutionRecord Record(string tenantId, string id, DateTimeOffset startedAt) => new()
    {
        Id = id,
        TenantId = tenantId,
        WorkflowId = WorkflowA,
        WorkflowVersion = 1,
        Status = "completed",
        StartedAt = startedAt,
        UpdatedAt = startedAt,
    };

    private (SqliteDatabase Database, SqliteExecutionHistoryStore Store) Open(TimeSpan flushInterval)
    {
        var database = _directory.OpenDatabase();
        var store = new SqliteExecutionHistoryStore(
            database, _directory.Options(o => o.HistoryFlushInterval = flushInterval), TimeProvider.System, NullLogger<SqliteExecutionHistoryStore>.Instance);
        return (database, store);
    }
}
