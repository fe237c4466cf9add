using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Audit;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Audit;

public sealed class SqliteAuditLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteAuditLog _log = null!;

    public Task InitializeAsync()
    {
        (_database, _log) = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _log.DisposeAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Append_ThenFlush_QueryReturnsAllFields()
    {
        var entry = Entry("t1", T0, AuditActions.CredentialCreate) with
        {
            TargetType = "credential",
            TargetId = "c-1",
            Outcome = AuditOutcomes.Failed,
            Detail = "name_conflict",
            Ip = "10.0.0.7",
        };

        _log.Append(entry);
        await _log.FlushAsync();

        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1" });
        Assert.Equal(entry, Assert.Single(page.Items));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Query_OtherTenantsEntries_AreNeverReturned()
    {
        _log.Append(Entry("t1", T0, AuditActions.WorkflowCreate));
        _log.Append(Entry("t2", T0, AuditActions.WorkflowCreate));
        await _log.FlushAsync();

        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t2" });

        Assert.Equal("t2", Assert.Single(page.Items).TenantId);
    }

    [Fact]
    public async Task Query_Unfiltered_NewestFirst()
    {
        _log.Append(Entry("t1", T0.AddSeconds(1), "workflow.create", "a"));
        _log.Append(Entry("t1", T0.AddSeconds(3), "workflow.create", "c"));
        _log.Append(Entry("t1", T0.AddSeconds(2), "workflow.create", "b"));
        await _log.FlushAsync();

        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1" });

        Assert.Equal(["c", "b", "a"], page.Items.Select(e => e.TargetId));
    }

    [Theory]
    [InlineData("workflow", new[] { "workflow.create", "workflow.status" })]
    [InlineData("workflow.", new[] { "workflow.create", "workflow.status" })]
    [InlineData("workflow.status", new[] { "workflow.status" })]
    [InlineData("execution.s", new string[0])]
    [InlineData("execution.s*", new[] { "execution.start", "execution.signal" })]
    [InlineData("workflow*", new[] { "workflow.create", "workflow.status", "workflowx.other" })]
    [InlineData("credential", new string[0])]
    [InlineData("%", new string[0])]
    public async Task Query_ActionPrefix_SelectsMatchingActions(string prefix, string[] expected)
    {
        string[] actions = ["workflow.create", "workflow.status", "workflowx.other", "execution.start", "execution.signal", "execution.cancel"];
        for (var i = 0; i < actions.Length; i++)
        {
            _log.Append(Entry("t1", T0.AddSeconds(i), actions[i]));
        }

        await _log.FlushAsync();

        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1", Action = prefix });

        Assert.Equal(expected.Order(), page.Items.Select(e => e.Action).Order());
    }

    [Fact]
    public async Task Query_ActorTargetAndTimeFilters_Combine()
    {
        _log.Append(Entry("t1", T0, "workflow.update", "w1") with { Actor = "ada" });
        _log.Append(Entry("t1", T0.AddMinutes(1), "workflow.update", "w1") with { Actor = "ada" });
        _log.Append(Entry("t1", T0.AddMinutes(2), "workflow.update", "w1") with { Actor = "bob" });
        _log.Append(Entry("t1", T0.AddMinutes(1), "workflow.update", "w2") with { Actor = "ada" });
        await _log.FlushAsync();

        var byActor = await _log.QueryAsync(new AuditQuery { TenantId = "t1", Actor = "ada" });
        var byTarget = await _log.QueryAsync(new AuditQuery { TenantId = "t1", TargetId = "w1" });
        var window = await _log.QueryAsync(new AuditQuery { TenantId = "t1", TargetId = "w1", From = T0.AddMinutes(1), To = T0.AddMinutes(2) });

        Assert.Equal(3, byActor.Items.Count);
        Assert.Equal(3, byTarget.Items.Count);
        var only = Assert.Single(window.Items);
        Assert.Equal(("ada", T0.AddMinutes(1)), (only.Actor, only.At));
    }

    [Fact]
    public async Task Query_Paged_VisitsEveryEntryOnceNewestFirst()
    {
        // Several entries per millisecond: the cursor must order them by insertion, not lose or repeat them.
        var appended = Enumerable.Range(0, 11).Select(i => Entry("t1", T0.AddMilliseconds(i / 3), "execution.start", $"e{i}")).ToList();
        appended.ForEach(_log.Append);
        await _log.FlushAsync();

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1", Limit = 4, Cursor = cursor });
            seen.AddRange(page.Items.Select(e => e.TargetId!));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(appended.Select(e => e.TargetId).Reverse(), seen);
    }

    [Fact]
    public async Task Query_ExactlyOnePageOfRows_HasNoNextCursor()
    {
        for (var i = 0; i < 3; i++)
        {
            _log.Append(Entry("t1", T0.AddSeconds(i), "execution.start"));
        }

        await _log.FlushAsync();

        Assert.Null((await _log.QueryAsync(new AuditQuery { TenantId = "t1", Limit = 3 })).NextCursor);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(10_000, 500)]
    public async Task Query_LimitOutOfRange_IsClamped(int limit, int expected)
    {
        for (var i = 0; i < 501; i++)
        {
            _log.Append(Entry("t1", T0.AddMilliseconds(i), "execution.start"));
        }

        await _log.FlushAsync();

        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1", Limit = limit });

        Assert.Equal(expected, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("YWJj")]
    public async Task Query_ForeignCursor_ThrowsArgumentException(string cursor) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _log.QueryAsync(new AuditQuery { TenantId = "t1", Cursor = cursor }));

    [Fact]
    public void Append_MissingActorOrUnknownOutcome_Throws()
    {
        Assert.Throws<ArgumentException>(() => _log.Append(Entry("t1", T0, "workflow.create") with { Actor = "" }));
        Assert.Throws<ArgumentException>(() => _log.Append(Entry("t1", T0, "workflow.create") with { Outcome = "maybe" }));
    }

    [Fact]
    public async Task Append_LongDetail_IsCut()
    {
        _log.Append(Entry("t1", T0, "workflow.create") with { Detail = new string('d', 2000) });
        await _log.FlushAsync();

        Assert.Equal(500, Assert.Single((await _log.QueryAsync(new AuditQuery { TenantId = "t1" })).Items).Detail!.Length);
    }

    [Fact]
    public async Task Append_SameIdTwice_StoresOneRow()
    {
        var entry = Entry("t1", T0, "workflow.create");
        _log.Append(entry);
        _log.Append(entry);
        await _log.FlushAsync();

        Assert.Single((await _log.QueryAsync(new AuditQuery { TenantId = "t1" })).Items);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("INSERT OR REPLACE INTO audit_log (id, tenant_id, at, actor, action, target_type, outcome) SELECT id, tenant_id, at, 'mallory', action, target_type, outcome FROM audit_log")]
    public async Task DirectChange_OfStoredEntry_IsRefused(string sql)
    {
        _log.Append(Entry("t1", T0, "workflow.create"));
        await _log.FlushAsync();

        await using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("ada", Assert.Single((await _log.QueryAsync(new AuditQuery { TenantId = "t1" })).Items).Actor);
    }

    [Fact]
    public async Task Dispose_WithQueuedEntries_WritesThemBeforeClosing()
    {
        _log.Append(Entry("t1", T0, "workflow.create"));
        await _log.DisposeAsync();
        await _database.DisposeAsync();

        (_database, _log) = Open();

        Assert.Single((await _log.QueryAsync(new AuditQuery { TenantId = "t1" })).Items);
    }

    [Fact]
    public async Task Query_BeforeAnyAppend_ReturnsEmptyPage()
    {
        var page = await _log.QueryAsync(new AuditQuery { TenantId = "t1", Action = "workflow" });

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    private static AuditEntry Entry(string tenant, DateTimeOffset at, string action, string? targetId = null) => new()
    {
        TenantId = tenant,
        At = at,
        Actor = "ada",
        Action = action,
        TargetType = action.Split('.')[0],
        TargetId = targetId,
    };

    private (SqliteDatabase Database, SqliteAuditLog Log) Open()
    {
        var options = _directory.Options(o => o.HistoryFlushInterval = TimeSpan.FromMilliseconds(10));
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        return (database, new SqliteAuditLog(database, options, TimeProvider.System, NullLogger<SqliteAuditLog>.Instance));
    }
}
