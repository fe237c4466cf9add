using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>The SQLite providers wired by <see cref="SiloBuilderSqliteStorageExtensions"/> inside a real silo.</summary>
public sealed class SqliteStorageClusterTests : IAsyncLifetime
{
    private const string StreamProvider = "probe-streams";
    private readonly SqliteTestDirectory _directory = new();
    private TestCluster? _cluster;

    public async Task InitializeAsync() => _cluster = await StartClusterAsync();

    public async Task DisposeAsync()
    {
        await StopClusterAsync();
        _directory.Dispose();
    }

    [Fact]
    public void AddWorkflowSqliteStorage_Silo_ResolvesSqliteProviders()
    {
        var services = _cluster!.GetSiloServiceProvider();

        var storage = services.GetRequiredService<SqliteGrainStorage>();

        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStorage>(SiloBuilderSqliteStorageExtensions.WorkflowStorageName));
        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME));
        Assert.Same(storage, services.GetRequiredService<IGrainStorage>());
        Assert.IsType<SqliteReminderTable>(services.GetRequiredService<IReminderTable>());
        Assert.IsType<SqliteExecutionHistoryStore>(services.GetRequiredService<IExecutionHistoryStore>());
        Assert.True(File.Exists(Path.Combine(_directory.Path, "workflow.db")));
    }

    [Fact]
    public async Task GrainState_AfterClusterRestart_IsReadBackAndListedAsRecoverable()
    {
        await _cluster!.Client.GetGrain<ISqliteProbeGrain>("running").SaveAsync("kept", running: true);
        await _cluster.Client.GetGrain<ISqliteProbeGrain>("done").SaveAsync("finished", running: false);

        await StopClusterAsync();
        _cluster = await StartClusterAsync();

        Assert.Equal("kept", await _cluster.Client.GetGrain<ISqliteProbeGrain>("running").LoadAsync());
        Assert.Equal("finished", await _cluster.Client.GetGrain<ISqliteProbeGrain>("done").LoadAsync());
        var recoverable = await _cluster.GetSiloServiceProvider().GetRequiredService<SqliteGrainStorage>()
            .ListRecoverableAsync(SqliteProbeGrain.TypeName, CancellationToken.None);
        Assert.Equal(["running"], recoverable);
    }

    [Fact]
    public async Task RegisterOrUpdateReminder_InGrain_StoredInSqliteReminderTable()
    {
        await _cluster!.Client.GetGrain<ISqliteProbeGrain>("reminded").RegisterReminderAsync("wake");

        var table = _cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(GrainId.Create(SqliteProbeGrain.TypeName, "reminded"));

        var row = Assert.Single(rows.Reminders);
        Assert.Equal("wake", row.ReminderName);
        Assert.Equal(TimeSpan.FromHours(1), row.Period);
    }

    [Fact]
    public async Task StreamSubscription_PubSubStoreIsSqlite_DeliversAndStoresOrleansStateAsBytes()
    {
        var stream = _cluster!.Client.GetStreamProvider(StreamProvider).GetStream<int>(StreamId.Create("probe", "s1"));
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = await stream.SubscribeAsync((item, _) =>
        {
            received.TrySetResult(item);
            return Task.CompletedTask;
        });

        await stream.OnNextAsync(42);

        Assert.Equal(42, await received.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        var subscriptions = await stream.GetAllSubscriptionHandles();
        Assert.Contains(subscriptions, s => s.HandleId == handle.HandleId);
        Assert.Equal(["blob"], await StoredDataTypesAsync("pubsubrendezvous"));
        await handle.UnsubscribeAsync();
    }

    /// <summary>Reads the file directly: Orleans' own state must be stored with Orleans' serializer, not as JSON.</summary>
    private async Task<string[]> StoredDataTypesAsync(string grainType)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "workflow.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT typeof(data) FROM grain_state WHERE grain_type = @type";
        command.Parameters.AddWithValue("@type", grainType);
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return [.. types];
    }

    private async Task<TestCluster> StartClusterAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties[$"{SqliteStorageOptions.SectionName}:{nameof(SqliteStorageOptions.DataDirectory)}"] = _directory.Path;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task StopClusterAsync()
    {
        if (_cluster is { } cluster)
        {
            _cluster = null;
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddWorkflowSqliteStorage().AddMemoryStreams(StreamProvider);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(StreamProvider);
    }
}
