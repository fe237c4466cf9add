using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>
/// The writer commits into the write-ahead log; the background checkpointer copies the committed pages into the
/// database file while the database stays open, and has the writer start the log over once it reaches its restart size.
/// </summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private readonly SqliteTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Writes_DatabaseOpen_ReachTheDatabaseFileWithoutTheWriterCheckpointing()
    {
        await using var database = _directory.OpenDatabase();
        var storage = new SqliteGrainStorage(database, _directory.Options(), TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
        var before = new FileInfo(database.FilePath).Length;

        var payload = new string('x', 3000);
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            storage.WriteStateAsync("state", GrainId.Create("test", $"g{i}"), new GrainState<Blob>(new Blob { Text = payload }))));

        // 400 pages stay below SQLite's automatic threshold (1,000) even where it is on: only a checkpoint moves them.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (new FileInfo(database.FilePath).Length < before + (400 * 3000))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The database file stayed at {new FileInfo(database.FilePath).Length} bytes.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ContinuousWrites_LogStartsOverAtTheRestartSize_AndEveryWriteIsKept()
    {
        const int restartPages = 200;
        var options = _directory.Options(o =>
        {
            o.WalRestartPages = restartPages;
            o.CheckpointInterval = TimeSpan.FromMilliseconds(10);
        });
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        var storage = new SqliteGrainStorage(database, options, TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
        var log = new FileInfo(database.FilePath + "-wal");

        // About 14,000 pages of log in all (over 50 MB), 70 times the restart size and far below the 40,000 pages at
        // which SQLite's automatic checkpoint would start the log over by itself.
        var payload = new string('x', 3000);
        for (var round = 0; round < 120; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
                storage.WriteStateAsync("state", GrainId.Create("test", $"r{round}-g{i}"), new GrainState<Blob>(new Blob { Text = payload + round }))));
        }

        // The log file keeps the size of its longest run. Never started over, it would hold all ~14,000 pages; started
        // over from 200 pages on, it holds what came in before a restart took effect (a pass, a flush of the database
        // file, two passes and the writer's next commit: 300-4,000 pages here, depending on the machine's disk).
        log.Refresh();
        Assert.InRange(log.Length, 1, 7_000 * 4096);

        await database.DisposeAsync();
        await using var reopened = _directory.OpenDatabase();
        var readBack = new SqliteGrainStorage(reopened, options, TimeProvider.System, NullLogger<SqliteGrainStorage>.Instance);
        foreach (var (round, i) in new[] { (0, 0), (60, 57), (119, 99) })
        {
            var state = new GrainState<Blob>(new Blob());
            await readBack.ReadStateAsync("state", GrainId.Create("test", $"r{round}-g{i}"), state);
            Assert.Equal(payload + round, state.State?.Text);
        }
    }

    [Theory]
    [InlineData(99, 100)]
    [InlineData(40_001, 100)]
    [InlineData(24_000, 0)]
    public void Options_RestartSizeOrIntervalOutOfRange_AreRefused(int restartPages, int intervalMs)
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions
        {
            WalRestartPages = restartPages,
            CheckpointInterval = TimeSpan.FromMilliseconds(intervalMs),
        });

        Assert.True(result.Failed);
    }

    public sealed class Blob
    {
        public string Text { get; set; } = "";
    }
}
