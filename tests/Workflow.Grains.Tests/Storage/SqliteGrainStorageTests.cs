using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "state";
    private readonly SqliteTestDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    public Task InitializeAsync()
    {
        (_database, _storage) = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ReadStateAsync_NoRow_ReturnsEmptyStateWithoutETag()
    {
        var state = new GrainState<TestState>(new TestState { Counter = 7 }) { ETag = "stale", RecordExists = true };

        await _storage.ReadStateAsync(StateName, Grain("missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Counter);
    }

    [Fact]
    public async Task WriteStateAsync_JsonNodeAndEnumContent_RoundTrips()
    {
        var payload = JsonNode.Parse("""{"items":[1,"two",{"three":3.5}],"flag":true,"nothing":null}""");
        var written = new GrainState<TestState>(new TestState
        {
            Counter = 42,
            Phase = TestPhase.Running,
            Payload = payload,
            Tags = ["a", "b"],
            Outputs = new Dictionary<string, JsonNode?> { ["node1"] = JsonValue.Create("out") },
        });

        await _storage.WriteStateAsync(StateName, Grain("roundtrip"), written);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("roundtrip"), read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(42, read.State!.Counter);
        Assert.Equal(TestPhase.Running, read.State!.Phase);
        Assert.True(JsonNode.DeepEquals(payload, read.State!.Payload));
        Assert.Equal(["a", "b"], read.State!.Tags);
        Assert.Equal("out", read.State!.Outputs["node1"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateException()
    {
        var first = new GrainState<TestState>(new TestState { Counter = 1 });
        await _storage.WriteStateAsync(StateName, Grain("conflict"), first);
        var stale = new GrainState<TestState>(new TestState { Counter = 2 }) { ETag = first.ETag };
        await _storage.WriteStateAsync(StateName, Grain("conflict"), first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, Grain("conflict"), stale));

        Assert.Equal(first.ETag, error.StoredEtag);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("conflict"), read);
        Assert.Equal(1, read.State!.Counter);
    }

    [Fact]
    public async Task WriteStateAsync_NoETagButRowExists_ThrowsInconsistentStateException()
    {
        await _storage.WriteStateAsync(StateName, Grain("exists"), new GrainState<TestState>(new TestState()));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, Grain("exists"), new GrainState<TestState>(new TestState())));
    }

    [Fact]
    public async Task WriteStateAsync_SameGrainOtherStateName_StoredSeparately()
    {
        await _storage.WriteStateAsync("a", Grain("names"), new GrainState<TestState>(new TestState { Counter = 1 }));
        await _storage.WriteStateAsync("b", Grain("names"), new GrainState<TestState>(new TestState { Counter = 2 }));

        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("a", Grain("names"), read);

        Assert.Equal(1, read.State!.Counter);
    }

    [Fact]
    public async Task ClearStateAsync_CurrentETag_DeletesRowAndResetsState()
    {
        var state = new GrainState<TestState>(new TestState { Counter = 5 });
        await _storage.WriteStateAsync(StateName, Grain("clear"), state);

        await _storage.ClearStateAsync(StateName, Grain("clear"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Counter);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("clear"), read);
        Assert.False(read.RecordExists);
        await _storage.WriteStateAsync(StateName, Grain("clear"), state);
        Assert.NotNull(state.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_ThrowsAndKeepsRow()
    {
        var state = new GrainState<TestState>(new TestState { Counter = 5 });
        await _storage.WriteStateAsync(StateName, Grain("clear-stale"), state);
        var stale = new GrainState<TestState>(new TestState()) { ETag = "not-the-etag" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, Grain("clear-stale"), stale));

        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("clear-stale"), read);
        Assert.Equal(5, read.State!.Counter);
    }

    [Fact]
    public async Task ListRecoverableAsync_RunningFinishedAndOtherType_ReturnsOnlyRunningGrainsOfType()
    {
        var running = GrainId.Create("execution", Guid.NewGuid().ToString("N"));
        var finished = GrainId.Create("execution", "finished");
        var otherType = GrainId.Create("trigger", "running");
        await _storage.WriteStateAsync(StateName, running, new GrainState<RecoverableState>(new RecoverableState { Running = true }));
        var finishedState = new GrainState<RecoverableState>(new RecoverableState { Running = true });
        await _storage.WriteStateAsync(StateName, finished, finishedState);
        finishedState.State!.Running = false;
        await _storage.WriteStateAsync(StateName, finished, finishedState);
        await _storage.WriteStateAsync(StateName, otherType, new GrainState<RecoverableState>(new RecoverableState { Running = true }));
        await _storage.WriteStateAsync(StateName, GrainId.Create("execution", "plain"), new GrainState<TestState>(new TestState()));

        var keys = await _storage.ListRecoverableAsync("execution", CancellationToken.None);

        var key = Assert.Single(keys);
        Assert.Equal(running, GrainId.Create("execution", key));
    }

    [Fact]
    public async Task ReadStateAsync_AfterReopeningDatabase_ReturnsCommittedState()
    {
        var state = new GrainState<TestState>(new TestState { Counter = 99, Payload = new JsonObject { ["k"] = "v" } });
        await _storage.WriteStateAsync(StateName, Grain("reopen"), state);
        await _database.DisposeAsync();

        (_database, _storage) = Open();
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("reopen"), read);

        Assert.Equal(99, read.State!.Counter);
        Assert.Equal("v", read.State!.Payload!["k"]!.GetValue<string>());
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_ManyConcurrentWriters_AllWritesCommitted()
    {
        const int grains = 500;
        const int writesPerGrain = 10;
        await Task.WhenAll(Enumerable.Range(0, grains).Select(i => Task.Run(async () =>
        {
            var state = new GrainState<TestState>(new TestState());
            for (var n = 1; n <= writesPerGrain; n++)
            {
                state.State!.Counter = n;
                await _storage.WriteStateAsync(StateName, Grain($"concurrent-{i}"), state);
            }
        })));
        await _database.DisposeAsync();

        (_database, _storage) = Open();
        for (var i = 0; i < grains; i++)
        {
            var read = new GrainState<TestState>(new TestState());
            await _storage.ReadStateAsync(StateName, Grain($"concurrent-{i}"), read);
            Assert.Equal(writesPerGrain, read.State!.Counter);
        }
    }

    [Fact]
    public async Task WriteStateAsync_StoresUtf8JsonBlob_RowsWithJsonTextStillRead()
    {
        await _storage.WriteStateAsync(StateName, Grain("blob"), new GrainState<TestState>(new TestState { Counter = 5 }));

        // A second connection on the same file (WAL): what the row holds, and a row as the text format wrote it.
        await using var connection = new SqliteConnection($"Data Source={_directory.Options().Value.DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO grain_state (grain_type, grain_id, state_name, etag, data, active, updated_at)
                VALUES ('test', 'text', @name, 'e1', '{"counter":6,"phase":"Running"}', 0, 0)
                """;
            insert.Parameters.AddWithValue("@name", StateName);
            await insert.ExecuteNonQueryAsync();
        }
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT typeof(data), CAST(data AS TEXT) FROM grain_state WHERE grain_id = 'blob'";
            await using var reader = await select.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("blob", reader.GetString(0));
            Assert.Contains("\"counter\":5", reader.GetString(1), StringComparison.Ordinal);
        }
        var text = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, Grain("text"), text);

        Assert.Equal(6, text.State!.Counter);
        Assert.Equal(TestPhase.Running, text.State.Phase);
        Assert.Equal("e1", text.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_TwoStoragesWithDifferentJsonOptionsOnOneThread_EachWritesWithItsOwn()
    {
        var indentedOptions = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
        indentedOptions.Converters.Add(new JsonStringEnumConverter());
        var indented = new SqliteGrainStorage(_database, _directory.Options(o => o.JsonSerializerOptions = indentedOptions),
            TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);

        // Both serialize on this thread before their first await (the per-thread JSON writer is shared between them).
        var compactWrite = _storage.WriteStateAsync(StateName, Grain("compact-1"), new GrainState<TestState>(new TestState { Counter = 1 }));
        var indentedWrite = indented.WriteStateAsync(StateName, Grain("indented"), new GrainState<TestState>(new TestState { Counter = 2 }));
        var compactAgain = _storage.WriteStateAsync(StateName, Grain("compact-2"), new GrainState<TestState>(new TestState { Counter = 3 }));
        await Task.WhenAll(compactWrite, indentedWrite, compactAgain);

        await using var connection = new SqliteConnection($"Data Source={_directory.Options().Value.DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT grain_id, CAST(data AS TEXT) FROM grain_state WHERE grain_id IN ('compact-1', 'indented', 'compact-2')";
        var rows = new Dictionary<string, string>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = reader.GetString(1);
            }
        }
        Assert.DoesNotContain('\n', rows["compact-1"]);
        Assert.Contains('\n', rows["indented"]);
        Assert.DoesNotContain('\n', rows["compact-2"]);
    }

    [Fact]
    public async Task OnDemandState_OverlappingWrites_RunInTurnWithEachOthersETag()
    {
        var state = new OnDemandState<TestState>(_storage, StateName, () => Grain("on-demand"));
        await state.LoadAsync();

        state.State.Counter = 1;
        var first = state.WriteStateAsync();
        state.State.Counter = 2;
        var second = state.WriteStateAsync();
        await Task.WhenAll(first, second);

        var read = new OnDemandState<TestState>(_storage, StateName, () => Grain("on-demand"));
        await read.LoadAsync();
        Assert.Equal(2, read.State.Counter);
    }

    private static GrainId Grain(string key) => GrainId.Create("test", key);

    private (SqliteDatabase Database, SqliteGrainStorage Storage) Open()
    {
        var database = _directory.OpenDatabase();
        return (database, new SqliteGrainStorage(database, _directory.Options(), TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance));
    }

    public enum TestPhase
    {
        Idle,
        Running,
    }

    public sealed class TestState
    {
        public int Counter { get; set; }

        public TestPhase Phase { get; set; }

        public JsonNode? Payload { get; set; }

        public List<string> Tags { get; set; } = [];

        public Dictionary<string, JsonNode?> Outputs { get; set; } = [];
    }

    public sealed class RecoverableState : IRecoverableState
    {
        public bool Running { get; set; }

        [JsonIgnore]
        public bool NeedsRecovery => Running;
    }
}
