using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Executions;

namespace Workflow.Grains.Tests.Live;

/// <summary>
/// Two silos: each subscribes to the workflow's event stream the way the hub bridge does (through its own in-silo
/// cluster client), and must receive the events of every execution, wherever the execution lives.
/// </summary>
public sealed class CrossSiloEventTests : IAsyncLifetime
{
    private const string Tenant = "live";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<LiveSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task WatchedWorkflow_ExecutionsOnBothSilos_EachSilosSubscriberGetsAllEvents()
    {
        var workflowId = Guid.NewGuid();
        var silos = _cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services).ToArray();
        var received = silos.Select(_ => new ConcurrentBag<ExecutionEvent>()).ToArray();
        for (var i = 0; i < silos.Length; i++)
        {
            var bag = received[i];
            await silos[i].GetRequiredService<IClusterClient>().GetStreamProvider(ExecutionEventStreams.ProviderName)
                .GetStream<ExecutionEvent>(ExecutionEventStreams.For(Tenant, workflowId))
                .SubscribeAsync((e, _) => { bag.Add(e); return Task.CompletedTask; });
        }
        await _cluster.Client.GetGrain<IWorkflowWatchGrain>(GrainKeys.For(Tenant, workflowId)).WatchAsync(TimeSpan.FromMinutes(5));
        foreach (var services in silos)
        {
            await Poll.UntilAsync(() => services.GetRequiredService<WatchLeaseCache>().IsWatched(Tenant, workflowId),
                "Timed out waiting for the condition.", Deadline);
        }

        var executions = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var hosts = new HashSet<SiloAddress>();
        foreach (var id in executions)
        {
            await _cluster.Client.GetGrain<IExecutionGrain>(GrainKeys.For(Tenant, id)).StartAsync(new StartExecution
            {
                WorkflowId = workflowId,
                WorkflowVersion = 1,
                WorkflowJson = WorkflowJson(workflowId),
                TriggeredBy = "manual",
            });
            // Asked right after its start, while it waits in its 3 s delay: where this execution lives.
            hosts.UnionWith(await HostingSilosAsync());
        }
        for (var i = 0; i < received.Length; i++)
        {
            var bag = received[i];
            await Poll.UntilAsync(() => executions.All(id => Completed(bag, id)),
                $"Silo {i}'s subscriber saw {executions.Count(id => Completed(bag, id))} of {executions.Length} executions complete " +
                $"within {Deadline.TotalSeconds:F0} s; events per execution: " +
                string.Join(", ", executions.Select(id => bag.Count(e => e.ExecutionId == id))), Deadline);
        }

        Assert.True(hosts.Count == 2, $"The executions ran on {hosts.Count} silo(s): {string.Join(", ", hosts)}.");
        foreach (var bag in received)
        {
            foreach (var id in executions)
            {
                var events = bag.Where(e => e.ExecutionId == id).OrderBy(e => e.Sequence).ToList();
                var seen = string.Join(", ", events.Select(e => $"{e.Sequence}:{e.Name}/{e.NodeId}"));
                Assert.True(events.Any(e => e.Name == ExecutionEventNames.NodeStarted && e.NodeId == "pause"), $"No start of 'pause' for {id}: {seen}");
                Assert.True(events.Any(e => e.Name == ExecutionEventNames.NodeCompleted && e.NodeId == "after"), $"No completion of 'after' for {id}: {seen}");
                Assert.True(events.Count == events.Select(e => e.Sequence).Distinct().Count(), $"Repeated sequence numbers for {id}: {seen}");
            }
        }
    }

    private static bool Completed(IEnumerable<ExecutionEvent> events, string executionId) =>
        events.Any(e => e.ExecutionId == executionId && e.Name == ExecutionEventNames.ExecutionStatusChanged && e.Status == "completed");

    /// <summary>The silos that host at least one execution activation (a finished execution deactivates).</summary>
    private async Task<HashSet<SiloAddress>> HostingSilosAsync()
    {
        var statistics = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Where(s => s.GrainId.Type.ToString() == ExecutionRecovery.GrainType).Select(s => s.SiloAddress).ToHashSet();
    }

    private static string WorkflowJson(Guid workflowId) => new JsonObject
    {
        ["id"] = workflowId,
        ["name"] = "live",
        ["status"] = "active",
        ["version"] = 1,
        ["definition"] = new JsonObject
        {
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "trigger", ["config"] = new JsonObject { ["kind"] = "manual" } },
                new JsonObject { ["id"] = "pause", ["type"] = "delay", ["config"] = new JsonObject { ["durationSeconds"] = 3 } },
                new JsonObject { ["id"] = "after", ["type"] = "transform", ["config"] = new JsonObject { ["code"] = "return 1;" } }),
            ["edges"] = new JsonArray(
                new JsonObject { ["id"] = "e1", ["source"] = "start", ["target"] = "pause" },
                new JsonObject { ["id"] = "e2", ["source"] = "pause", ["target"] = "after" }),
        },
    }.ToJsonString();
}
