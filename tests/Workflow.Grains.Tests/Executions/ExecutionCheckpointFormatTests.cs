using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Executions;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Live;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Executions;

/// <summary>
/// The checkpoint rewritten after every node leaves the workflow document out (it is pinned once in its own row),
/// and executions checkpointed before that split, with the document inside, still load.
/// </summary>
public sealed class ExecutionCheckpointFormatTests : IAsyncLifetime
{
    private const string Tenant = "format";
    private readonly SqliteTestDirectory _directory = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties[$"{SqliteStorageOptions.SectionName}:{nameof(SqliteStorageOptions.DataDirectory)}"] = _directory.Path;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Start_Completed_CheckpointWithoutDocumentAndPinRowWithIt_LegacyCheckpointWithDocumentStillLoads()
    {
        var workflowId = Guid.NewGuid();
        var json = WorkflowJson(workflowId);
        var key = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        var grain = _cluster.Client.GetGrain<IExecutionGrain>(key);
        var done = await grain.StartAsync(new StartExecution
        {
            WorkflowId = workflowId, WorkflowVersion = 1, WorkflowJson = json, WaitForOutcome = TimeSpan.FromSeconds(20),
        });
        Assert.Equal("completed", done.Status);

        var storage = _cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("workflow");
        var checkpoint = new GrainState<ExecutionGrainState>(new ExecutionGrainState());
        await storage.ReadStateAsync("execution", GrainId.Create(ExecutionRecovery.GrainType, key), checkpoint);
        var pin = new GrainState<ExecutionPin>(new ExecutionPin());
        await storage.ReadStateAsync("pin", GrainId.Create(ExecutionRecovery.GrainType, key), pin);
        Assert.True(checkpoint.State!.Pinned);
        Assert.Null(checkpoint.State.WorkflowJson);
        Assert.Equal(json, pin.State!.WorkflowJson);

        // The same checkpoint as the first format wrote it: document inside, no pin row.
        var legacyKey = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        checkpoint.State.Pinned = false;
        checkpoint.State.WorkflowJson = json;
        await storage.WriteStateAsync("execution", GrainId.Create(ExecutionRecovery.GrainType, legacyKey),
            new GrainState<ExecutionGrainState>(checkpoint.State));

        var legacy = await _cluster.Client.GetGrain<IExecutionGrain>(legacyKey).GetAsync();

        Assert.NotNull(legacy);
        Assert.Equal("completed", legacy.Status);
        Assert.Equal(["start", "calc"], legacy.Nodes.Select(n => n.NodeId));
        Assert.Equal("{\"answer\":42}", legacy.Nodes[1].OutputJson);
        Assert.Null(await _cluster.Client.GetGrain<IExecutionGrain>(GrainKeys.For(Tenant, Guid.NewGuid().ToString())).GetAsync());
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddWorkflowSqliteStorage().AddMemoryStreams(ExecutionEventStreams.ProviderName);
            LiveSiloConfigurator.AddExecutions(siloBuilder.Services);
        }
    }

    private static string WorkflowJson(Guid workflowId) => new JsonObject
    {
        ["id"] = workflowId,
        ["name"] = "format",
        ["status"] = "active",
        ["version"] = 1,
        ["definition"] = new JsonObject
        {
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "trigger", ["config"] = new JsonObject { ["kind"] = "manual" } },
                new JsonObject { ["id"] = "calc", ["type"] = "transform", ["config"] = new JsonObject { ["code"] = "return { answer: 42 };" } }),
            ["edges"] = new JsonArray(new JsonObject { ["id"] = "e1", ["source"] = "start", ["target"] = "calc" }),
        },
    }.ToJsonString();
}
