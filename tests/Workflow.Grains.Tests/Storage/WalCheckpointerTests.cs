using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>
/// The writer commits into the write-ahead log and never checkpoints itself; the background checkpointer copies the
/// committed pages into the database file while the database stays open.
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

    public sealed class Blob
    {
        public string Text { get; set; } = "";
    }
}
