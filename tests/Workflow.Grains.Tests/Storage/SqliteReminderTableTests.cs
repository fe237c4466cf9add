using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly SqliteTestDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteReminderTable _table = null!;

    public Task InitializeAsync()
    {
        _database = _directory.OpenDatabase();
        _table = new SqliteReminderTable(_database, NullLogger<SqliteReminderTable>.Instance);
        return _table.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _table.StopAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task UpsertRow_NewEntry_ReadRowReturnsItWithTheReturnedETag()
    {
        var startAt = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var entry = Entry(Grain("a"), "tick", startAt, TimeSpan.FromMinutes(5));

        var etag = await _table.UpsertRow(entry);
        var read = await _table.ReadRow(entry.GrainId, "tick");

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal(startAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
    }

    [Fact]
    public async Task UpsertRow_ExistingEntry_ReplacesItAndChangesETag()
    {
        var grain = Grain("b");
        var first = await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        var second = await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(10)));
        var rows = await _table.ReadRows(grain);

        Assert.NotEqual(first, second);
        var row = Assert.Single(rows.Reminders);
        Assert.Equal(second, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_RemovesAndReturnsTrue()
    {
        var grain = Grain("c");
        var etag = await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        var removed = await _table.RemoveRow(grain, "tick", etag!);

        Assert.True(removed);
        Assert.Null(await _table.ReadRow(grain, "tick"));
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var grain = Grain("d");
        var stale = await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(2)));

        var removed = await _table.RemoveRow(grain, "tick", stale!);

        Assert.False(removed);
        Assert.NotNull(await _table.ReadRow(grain, "tick"));
    }

    [Fact]
    public async Task RemoveRow_MissingRow_ReturnsFalse()
    {
        Assert.False(await _table.RemoveRow(Grain("nobody"), "tick", "etag"));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsReminders()
    {
        var grain = Grain("e");
        await _table.UpsertRow(Entry(grain, "one", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(grain, "two", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(Grain("f"), "one", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        var rows = await _table.ReadRows(grain);

        Assert.Equal(["one", "two"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task ReadRows_BeginBeforeEnd_ReturnsHashesAfterBeginUpToEnd()
    {
        var hashes = await InsertGrainsAsync(20);

        var rows = await _table.ReadRows(hashes[5], hashes[10]);

        Assert.Equal(hashes[6..11], HashesOf(rows));
    }

    [Fact]
    public async Task ReadRows_BeginAfterEnd_WrapsAroundTheRing()
    {
        var hashes = await InsertGrainsAsync(20);

        var rows = await _table.ReadRows(hashes[15], hashes[3]);

        Assert.Equal([.. hashes[..4], .. hashes[16..]], HashesOf(rows));
    }

    [Fact]
    public async Task ReadRows_BeginEqualsEnd_ReturnsWholeRing()
    {
        var hashes = await InsertGrainsAsync(10);

        var rows = await _table.ReadRows(hashes[4], hashes[4]);

        Assert.Equal(hashes, HashesOf(rows));
    }

    [Fact]
    public async Task ReadRows_FullRangeFromZeroToMax_ReturnsEveryEntry()
    {
        var hashes = await InsertGrainsAsync(10);

        var rows = await _table.ReadRows(0, uint.MaxValue);

        Assert.Equal(hashes.Where(h => h > 0).ToArray(), HashesOf(rows));
    }

    [Fact]
    public async Task TestOnlyClearTable_WithRows_RemovesEverything()
    {
        await InsertGrainsAsync(5);

        await _table.TestOnlyClearTable();

        Assert.Empty((await _table.ReadRows(0, 0)).Reminders);
    }

    private static GrainId Grain(string key) => GrainId.Create("reminder-test", key);

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    private static uint[] HashesOf(ReminderTableData rows) =>
        [.. rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order()];

    /// <summary>Inserts one reminder for each of <paramref name="count"/> grains; returns their hashes in ring order.</summary>
    private async Task<uint[]> InsertGrainsAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(i => Grain($"ring-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        Assert.Equal(count, hashes.Distinct().Count());
        return hashes;
    }
}
