using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>A temporary data directory for one test, deleted afterwards; opens databases on its file.</summary>
public sealed class SqliteTestDirectory : IDisposable
{
    /// <summary>Gets the directory path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wf-sqlite-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates options pointing at this directory.</summary>
    public IOptions<SqliteStorageOptions> Options(Action<SqliteStorageOptions>? configure = null)
    {
        var options = new SqliteStorageOptions { DataDirectory = Path };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>Opens (or reopens) the database file of this directory.</summary>
    public SqliteDatabase OpenDatabase(Action<SqliteStorageOptions>? configure = null) =>
        new(Options(configure), NullLogger<SqliteDatabase>.Instance);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
