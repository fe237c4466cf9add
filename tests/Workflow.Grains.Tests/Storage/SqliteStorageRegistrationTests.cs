using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

public sealed class SqliteStorageRegistrationTests : IDisposable
{
    private readonly SqliteTestDirectory _first = new();
    private readonly SqliteTestDirectory _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task AddWorkflowSqliteStorage_CalledTwice_RegistersOnceAndLastDirectoryWins()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkflowSqliteStorage(o => o.DataDirectory = _first.Path);
        services.AddWorkflowSqliteStorage(o => o.DataDirectory = _second.Path);

        Assert.Single(services, d => d.ServiceType == typeof(SqliteDatabase));
        Assert.Single(services, d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, SiloBuilderSqliteStorageExtensions.WorkflowStorageName));
        await using var provider = services.BuildServiceProvider();
        Assert.Equal(_second.Path, provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DataDirectory);
        Assert.StartsWith(Path.GetFullPath(_second.Path), provider.GetRequiredService<SqliteDatabase>().FilePath);
        Assert.True(File.Exists(Path.Combine(_second.Path, "workflow.db")));
        Assert.False(Directory.Exists(_first.Path));
    }

    [Fact]
    public async Task AddWorkflowSqliteStorage_InvalidOptions_FailsWhenDatabaseIsResolved()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWorkflowSqliteStorage(o =>
        {
            o.DataDirectory = _first.Path;
            o.MaxWriteBatchSize = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SqliteDatabase>());

        Assert.Contains(nameof(SqliteStorageOptions.MaxWriteBatchSize), error.Message);
    }
}
