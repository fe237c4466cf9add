using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Credentials;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Credentials;

/// <summary>A one-silo test cluster on its own SQLite directory, with direct access to the stored rows.</summary>
public sealed class CredentialCluster : IAsyncLifetime
{
    private readonly SqliteTestDirectory _directory = new();

    /// <summary>Gets the running cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Gets the database file.</summary>
    public string DatabasePath => Path.Combine(_directory.Path, "workflow.db");

    /// <summary>Gets the key file.</summary>
    public string KeysFile => Path.Combine(_directory.Path, "keys", "credential-keys.json");

    public async Task InitializeAsync() => Cluster = await StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }

    /// <summary>Stops the silo, runs <paramref name="whileStopped"/> on the files, and starts a fresh silo.</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await StopAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }

        Cluster = await StartAsync();
    }

    public ICredentialGrain Credential(string tenant, Guid id) => Cluster.Client.GetGrain<ICredentialGrain>(GrainKeys.For(tenant, id));

    public ICredentialSecretGrain Secret(string tenant, Guid id) => Cluster.Client.GetGrain<ICredentialSecretGrain>(GrainKeys.For(tenant, id));

    public ICredentialIndexGrain Index(string tenant) => Cluster.Client.GetGrain<ICredentialIndexGrain>(tenant);

    /// <summary>Creates a credential with a new id and returns the id; fails the test when refused.</summary>
    public async Task<Guid> CreateAsync(string tenant, string name, string type, string dataJson)
    {
        var id = Guid.NewGuid();
        var result = await Credential(tenant, id).CreateAsync(new CredentialInput { Name = name, Type = type, DataJson = dataJson });
        Assert.True(result.Ok, result.ErrorMessage);
        return id;
    }

    /// <summary>Every stored grain_state data value, as text.</summary>
    public async Task<IReadOnlyList<string>> AllStateAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(data AS TEXT) FROM grain_state WHERE data IS NOT NULL";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The stored state JSON of one credential grain; null when it has no row.</summary>
    public async Task<JsonObject?> StateOfAsync(string tenant, Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(data AS TEXT) FROM grain_state WHERE grain_type = 'credential' AND grain_id = @id";
        command.Parameters.AddWithValue("@id", GrainKeys.For(tenant, id));
        return await command.ExecuteScalarAsync() is string json ? JsonNode.Parse(json)!.AsObject() : null;
    }

    /// <summary>Overwrites the stored envelope of one credential (only while the silo is stopped).</summary>
    public async Task SetEnvelopeAsync(string tenant, Guid id, string envelope)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE grain_state SET data = json_set(CAST(data AS TEXT), '$.envelope', @envelope) WHERE grain_type = 'credential' AND grain_id = @id";
        command.Parameters.AddWithValue("@id", GrainKeys.For(tenant, id));
        command.Parameters.AddWithValue("@envelope", envelope);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>The raw bytes of the database and its write-ahead log, decoded loosely as UTF-8.</summary>
    public string RawFileText()
    {
        var text = new StringBuilder();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties[$"{SqliteStorageOptions.SectionName}:{nameof(SqliteStorageOptions.DataDirectory)}"] = _directory.Path;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task StopAsync()
    {
        if (Cluster is { } cluster)
        {
            Cluster = null!;
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddWorkflowSqliteStorage();
            siloBuilder.Services.AddLogging(logging => logging
                .AddProvider(new CapturingLoggerProvider())
                .AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug));
        }
    }
}
