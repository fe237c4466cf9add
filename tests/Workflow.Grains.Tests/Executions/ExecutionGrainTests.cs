using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Abstractions.Workflows;
using Workflow.Grains.Executions;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Live;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Executions;

/// <summary>
/// The execution grain against its real storage: what its checkpoint holds (never the workflow document; a copy of it
/// in its own row, or a reference to a saved version), that older checkpoints still load, that a new execution reads
/// nothing, and what a start answers.
/// </summary>
public sealed class ExecutionGrainTests : IAsyncLifetime
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

        var (storage, checkpoint, pin) = await ReadRowsAsync(key);
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

    [Fact]
    public async Task Start_SavedVersion_NoPinRow_ReactivatedExecutionReadsItsDocumentFromTheVersion()
    {
        var workflowId = Guid.NewGuid();
        var key = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        var done = await _cluster.Client.GetGrain<IExecutionGrain>(key).StartAsync(new StartExecution
        {
            WorkflowId = workflowId, WorkflowVersion = 1, WorkflowJson = WorkflowJson(workflowId), IsSavedVersion = true,
            WaitForOutcome = TimeSpan.FromSeconds(20),
        });
        Assert.Equal("completed", done.Status);

        var (storage, checkpoint, pin) = await ReadRowsAsync(key);
        Assert.True(checkpoint.State!.PinnedToVersion);
        Assert.False(checkpoint.State.Pinned);
        Assert.False(pin.RecordExists);

        // The same checkpoint for a workflow version this silo has never run (so not cached): its document is only in
        // that version's grain, and has a third node, so the view shows which document was read.
        var otherWorkflow = Guid.NewGuid();
        await _cluster.Client.GetGrain<IWorkflowVersionGrain>(GrainKeys.ForVersion(Tenant, otherWorkflow, 3))
            .SaveAsync(WorkflowJson(otherWorkflow, version: 3, extraNode: true));
        var copyKey = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        checkpoint.State.WorkflowId = otherWorkflow;
        checkpoint.State.WorkflowVersion = 3;
        await storage.WriteStateAsync("execution", GrainId.Create(ExecutionRecovery.GrainType, copyKey),
            new GrainState<ExecutionGrainState>(checkpoint.State));

        var copy = await _cluster.Client.GetGrain<IExecutionGrain>(copyKey).GetAsync();

        Assert.NotNull(copy);
        Assert.Equal("completed", copy.Status);
        Assert.Equal(["start", "calc", "note"], copy.Nodes.Select(n => n.NodeId));
        Assert.Equal("{\"answer\":42}", copy.Nodes[1].OutputJson);
    }

    [Fact]
    public async Task Start_AnswerOutputsOf_OnlyThoseNodesCarryTheirOutputInTheAnswer()
    {
        var workflowId = Guid.NewGuid();
        var key = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        var start = new StartExecution
        {
            WorkflowId = workflowId, WorkflowVersion = 1, WorkflowJson = WorkflowJson(workflowId), TriggerJson = "{\"order\":1}",
            WaitForOutcome = TimeSpan.FromSeconds(20), AnswerOutputsOf = ["calc"],
        };

        var answer = await _cluster.Client.GetGrain<IExecutionGrain>(key).StartAsync(start);
        var full = await _cluster.Client.GetGrain<IExecutionGrain>(key).GetAsync();

        Assert.Equal("completed", answer.Status);
        Assert.Equal("{\"answer\":42}", answer.ResultJson);
        Assert.Null(answer.Nodes[0].OutputJson);
        Assert.Equal("completed", answer.Nodes[0].Status);
        Assert.Equal("{\"answer\":42}", answer.Nodes[1].OutputJson);
        Assert.Equal("{\"order\":1}", full!.Nodes[0].OutputJson);
    }

    [Fact]
    public async Task Start_NewExecution_DoesNotReadStorage_SoAnIdThatWasUsedFailsInsteadOfBeingOverwritten()
    {
        var workflowId = Guid.NewGuid();
        var key = GrainKeys.For(Tenant, Guid.NewGuid().ToString());
        var first = await _cluster.Client.GetGrain<IExecutionGrain>(key).StartAsync(new StartExecution
        {
            WorkflowId = workflowId, WorkflowVersion = 1, WorkflowJson = WorkflowJson(workflowId), TriggerJson = "{\"run\":1}",
            WaitForOutcome = TimeSpan.FromSeconds(20),
        });
        Assert.Equal("completed", first.Status);
        await Poll.UntilAsync(async () => !await IsActiveAsync(key), "The finished execution did not deactivate.");

        // Started again under the same id, claiming the id is new: without a read the grain cannot know better, and the
        // insert of the start checkpoint must then refuse to overwrite the stored execution.
        var again = _cluster.Client.GetGrain<IExecutionGrain>(key).StartAsync(new StartExecution
        {
            WorkflowId = workflowId, WorkflowVersion = 1, WorkflowJson = WorkflowJson(workflowId), TriggerJson = "{\"run\":2}",
            IsNewExecution = true,
        });

        await Assert.ThrowsAsync<InconsistentStateException>(() => again);
        await Poll.UntilAsync(async () => !await IsActiveAsync(key), "The refused activation did not deactivate.");
        var stored = await _cluster.Client.GetGrain<IExecutionGrain>(key).GetAsync();
        Assert.Equal("{\"run\":1}", stored!.Nodes[0].OutputJson);
        Assert.Equal("completed", stored.Status);
    }

    [Fact]
    public async Task ExecutionGrains_Get_SameGrainAsGetGrainByInterface()
    {
        var executions = _cluster.GetSiloServiceProvider().GetRequiredService<ExecutionGrains>();
        var id = Guid.NewGuid().ToString();

        var grain = executions.Get(Tenant, id);

        Assert.Equal(_cluster.Client.GetGrain<IExecutionGrain>(GrainKeys.For(Tenant, id)).GetGrainId(), grain.GetGrainId());
        Assert.Equal(GrainId.Create(ExecutionRecovery.GrainType, GrainKeys.For(Tenant, id)), grain.GetGrainId());
        Assert.Null(await grain.GetAsync());
    }

    /// <summary>The execution's checkpoint and pin rows as stored.</summary>
    private async Task<(IGrainStorage Storage, GrainState<ExecutionGrainState> Checkpoint, GrainState<ExecutionPin> Pin)> ReadRowsAsync(string key)
    {
        var storage = _cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("workflow");
        var checkpoint = new GrainState<ExecutionGrainState>(new ExecutionGrainState());
        await storage.ReadStateAsync("execution", GrainId.Create(ExecutionRecovery.GrainType, key), checkpoint);
        var pin = new GrainState<ExecutionPin>(new ExecutionPin());
        await storage.ReadStateAsync("pin", GrainId.Create(ExecutionRecovery.GrainType, key), pin);
        return (storage, checkpoint, pin);
    }

    private async Task<bool> IsActiveAsync(string key)
    {
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId == GrainId.Create(ExecutionRecovery.GrainType, key));
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddWorkflowSqliteStorage().AddMemoryStreams(ExecutionEventStreams.ProviderName);
            LiveSiloConfigurator.AddExecutions(siloBuilder.Services);
        }
    }

    private static string WorkflowJson(Guid workflowId, int version = 1, bool extraNode = false)
    {
        var nodes = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "trigger", ["config"] = new JsonObject { ["kind"] = "manual" } },
            new JsonObject { ["id"] = "calc", ["type"] = "transform", ["config"] = new JsonObject { ["code"] = "return { answer: 42 };" } });
        if (extraNode)
        {
            nodes.Add(new JsonObject { ["id"] = "note", ["type"] = "set", ["config"] = new JsonObject { ["values"] = new JsonObject() } });
        }
        return new JsonObject
        {
            ["id"] = workflowId,
            ["name"] = "format",
            ["status"] = "active",
            ["version"] = version,
            ["definition"] = new JsonObject
            {
                ["nodes"] = nodes,
                ["edges"] = new JsonArray(new JsonObject { ["id"] = "e1", ["source"] = "start", ["target"] = "calc" }),
            },
        }.ToJsonString();
    }
}
