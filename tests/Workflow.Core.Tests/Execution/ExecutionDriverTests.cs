using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;
using Workflow.Nodes;

namespace Workflow.Core.Tests.Execution;

public sealed class ExecutionDriverTests
{
    private static readonly NodeRegistry Registry = new(NodeCatalog.BuiltIn().Append(new SlowNode()).Append(new KeyRecorderNode()));

    [Fact]
    public async Task Run_NodeTimeout_FailsNodeWithTimeoutCode()
    {
        var document = Document(settings: new WorkflowSettings(),
            Node("slow", "test_slow", new JsonObject { ["ms"] = 30_000, ["timeoutSeconds"] = 1 }));

        var (state, _) = await RunAsync(document);

        Assert.Equal(ExecutionStatus.Failed, state.Status);
        Assert.Equal("timeout", state.Error?.Code);
        Assert.Equal(NodeStatus.Failed, state.Node("slow").Status);
    }

    [Fact]
    public async Task Run_WorkflowTimeout_FailsExecutionAndCancelsRunningNode()
    {
        var document = Document(settings: new WorkflowSettings { TimeoutSeconds = 1 },
            Node("slow", "test_slow", new JsonObject { ["ms"] = 30_000 }));

        var (state, _) = await RunAsync(document);

        Assert.Equal(ExecutionStatus.Failed, state.Status);
        Assert.Equal("timeout", state.Error?.Code);
        Assert.Equal(NodeStatus.Cancelled, state.Node("slow").Status);
    }

    [Fact]
    public async Task Run_NodeWithSideEffects_StartsOnlyAfterItsPredecessorIsCheckpointedCompleted()
    {
        var tag = Guid.NewGuid().ToString("N");
        var document = Document(new WorkflowSettings(),
            Node("a", "test_keys", new JsonObject { ["tag"] = tag }),
            Node("b", "test_keys", new JsonObject { ["tag"] = tag }),
            Node("c", "test_keys", new JsonObject { ["tag"] = tag }));
        var host = new OrderingHost();

        await RunAsync(document, host);

        foreach (var (node, predecessor) in new[] { ("a", "start"), ("b", "a"), ("c", "b") })
        {
            AssertCheckpointedBeforeStart(host, node, predecessor);
        }
    }

    [Fact]
    public async Task Run_SideEffectFreeChain_PipelinesCheckpointsIntoTheFinalOne()
    {
        var document = Document(new WorkflowSettings(),
            Node("a", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }),
            Node("b", "set", new JsonObject { ["values"] = new JsonObject { ["y"] = 2 } }),
            Node("c", "set", new JsonObject { ["values"] = new JsonObject { ["z"] = 3 } }));
        var host = new MemoryHost();

        await RunAsync(document, host);

        var checkpoint = Assert.Single(host.Checkpoints);
        var stored = JsonSerializer.Deserialize<ExecutionState>(checkpoint, MemoryHost.Json)!;
        Assert.Equal(ExecutionStatus.Completed, stored.Status);
        Assert.All(new[] { "start", "a", "b", "c" }, id => Assert.Equal(NodeStatus.Completed, stored.Node(id).Status));
    }

    [Fact]
    public async Task Run_SideEffectFreeChainWithoutPipelining_CheckpointsAfterEveryStep()
    {
        var document = Document(new WorkflowSettings(),
            Node("a", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }),
            Node("b", "set", new JsonObject { ["values"] = new JsonObject { ["y"] = 2 } }),
            Node("c", "set", new JsonObject { ["values"] = new JsonObject { ["z"] = 3 } }));
        var host = new OrderingHost();

        await RunAsync(document, host, pipeline: false);

        foreach (var (node, predecessor) in new[] { ("a", "start"), ("b", "a"), ("c", "b") })
        {
            AssertCheckpointedBeforeStart(host, node, predecessor);
        }
        // The start (trigger included), then a, b, and c together with the execution's completion.
        var checkpoints = host.Log.Where(entry => entry.StartsWith("checkpoint", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, checkpoints.Count);
        Assert.Contains("start=completed,a=pending", checkpoints[0], StringComparison.Ordinal);
        Assert.Contains("c=completed", checkpoints[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TriggerNode_CompletesWithTheStartSoTheStartCheckpointIsTheOneAfterIt()
    {
        var document = Document(new WorkflowSettings(), Node("a", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }));
        var host = new OrderingHost();
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System);
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, host);

        driver.Start("exec-1", "start", new JsonObject { ["order"] = 7 });

        var trigger = driver.State.Node("start");
        Assert.Equal(NodeStatus.Completed, trigger.Status);
        Assert.Equal(7, trigger.Output?["order"]?.GetValue<int>());
        Assert.Equal(1, trigger.Attempts);
        Assert.Equal(["started start", "completed start"], host.Log);
        Assert.Equal(NodeStatus.Pending, driver.State.Node("a").Status);
    }

    [Fact]
    public async Task Run_SideEffectFreeNodeBeforeSideEffect_IsCheckpointedBeforeTheSideEffectStarts()
    {
        var tag = Guid.NewGuid().ToString("N");
        var document = Document(new WorkflowSettings(),
            Node("a", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }),
            Node("b", "test_keys", new JsonObject { ["tag"] = tag }));
        var host = new OrderingHost();

        await RunAsync(document, host);

        AssertCheckpointedBeforeStart(host, "b", "a");
    }

    [Fact]
    public async Task Run_DeferredStart_IsCheckpointedBeforeTheFirstSideEffectStarts()
    {
        var tag = Guid.NewGuid().ToString("N");
        var document = Document(new WorkflowSettings(), Node("call", "test_keys", new JsonObject { ["tag"] = tag }));
        var host = new OrderingHost();
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System) { PipelineCheckpoints = true };
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, host);
        driver.Start("exec-1", "start", null);
        driver.TryDeferStartCheckpoint();

        await driver.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        AssertCheckpointedBeforeStart(host, "call", "start");
    }

    [Fact]
    public async Task Restart_NodeInFlightAtCrash_RerunsWithSameIdempotencyKey()
    {
        var tag = Guid.NewGuid().ToString("N");
        var document = Document(new WorkflowSettings(), Node("call", "test_keys", new JsonObject { ["tag"] = tag }));
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System);
        var graph = new WorkflowGraph(document.Definition);
        var crashed = new ExecutionState();
        var first = new ExecutionDriver(document, graph, crashed, services, new MemoryHost());
        first.Start("exec-9", "start", null);
        first.Planner.Complete(crashed, "start", NodeResult.Completed(null), DateTimeOffset.UtcNow);
        first.Planner.MarkRunning(crashed, "call", DateTimeOffset.UtcNow); // the process dies here
        var checkpoint = JsonSerializer.Deserialize<ExecutionState>(JsonSerializer.Serialize(crashed, MemoryHost.Json), MemoryHost.Json)!;

        var resumed = new ExecutionDriver(document, graph, checkpoint, services, new MemoryHost());
        var outcome = await resumed.RunAsync(CancellationToken.None);

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        Assert.Equal(["exec-9:call:1"], KeyRecorderNode.Keys[tag]);
        Assert.Equal(1, checkpoint.Node("call").Attempts);
    }

    [Fact]
    public async Task Run_OutputOverCap_FailsNodeWithOutputTooLarge()
    {
        var document = Document(new WorkflowSettings(),
            Node("big", "transform", new JsonObject { ["code"] = "return Array.from({length: 500}, (_, i) => i);" }),
            Node("after", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }));
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System) { MaxOutputBytes = 1000 };
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, new MemoryHost());
        driver.Start("exec-1", "start", null);

        var outcome = await driver.RunAsync(CancellationToken.None);

        Assert.Equal(ExecutionStatus.Failed, outcome.Status);
        Assert.Equal("output_too_large", driver.State.Error?.Code);
        Assert.Null(driver.State.Node("big").Output);
        Assert.Equal(0, driver.State.Node("after").Runs);
    }

    [Fact]
    public async Task Cancel_WhileNodeRuns_CancelsExecutionAndNode()
    {
        var document = Document(new WorkflowSettings(), Node("slow", "test_slow", new JsonObject { ["ms"] = 30_000 }));
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System);
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, new MemoryHost());
        driver.Start("exec-1", "start", null);

        var run = driver.RunAsync(CancellationToken.None);
        await Task.Delay(200);
        driver.RequestCancel();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ExecutionStatus.Cancelled, outcome.Status);
        Assert.Equal(NodeStatus.Cancelled, driver.State.Node("slow").Status);
    }

    private static async Task<(ExecutionState State, IExecutionHost Host)> RunAsync(WorkflowDocument document, IExecutionHost? host = null, bool pipeline = true)
    {
        host ??= new MemoryHost();
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, TimeProvider.System) { PipelineCheckpoints = pipeline };
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, host);
        driver.Start("exec-1", "start", null);
        // As the execution grain does: the start is checkpointed unless it may be folded into the first durable one.
        if (!driver.TryDeferStartCheckpoint())
        {
            await host.CheckpointAsync(driver.State, CancellationToken.None);
        }
        var outcome = await driver.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(outcome.Status.IsTerminal());
        return (driver.State, host);
    }

    /// <summary>trigger → nodes in a chain.</summary>
    private static WorkflowDocument Document(WorkflowSettings settings, params NodeDefinition[] chain)
    {
        var nodes = new List<NodeDefinition> { new() { Id = "start", Type = "trigger", Config = new JsonObject { ["kind"] = "manual" } } };
        nodes.AddRange(chain);
        var edges = nodes.Zip(nodes.Skip(1), (a, b) => new EdgeDefinition { Id = $"{a.Id}-{b.Id}", Source = a.Id, Target = b.Id }).ToArray();
        return new WorkflowDocument { Name = "t", Definition = new WorkflowDefinition { Nodes = nodes, Edges = edges }, Settings = settings };
    }

    private static NodeDefinition Node(string id, string type, JsonObject config) => new() { Id = id, Type = type, Config = config };

    [Fact]
    public async Task Run_SlowCheckpoint_IsNotCountedInTheNextNodesTime()
    {
        // Each checkpoint takes 40 ms of the (fake) clock; the nodes themselves take none of it.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var document = Document(new WorkflowSettings(),
            Node("a", "set", new JsonObject { ["values"] = new JsonObject { ["x"] = 1 } }),
            Node("b", "set", new JsonObject { ["values"] = new JsonObject { ["y"] = 2 } }));
        var host = new SlowCheckpointHost(clock, TimeSpan.FromMilliseconds(40));
        var services = new ExecutionServices(Registry, FixtureRunner.Evaluator, clock);
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, host);
        driver.Start("exec-slow", "start", new JsonObject());

        var outcome = await driver.RunAsync(CancellationToken.None);

        Assert.Equal(ExecutionStatus.Completed, outcome.Status);
        var a = driver.State.Node("a");
        var b = driver.State.Node("b");
        Assert.Equal(TimeSpan.Zero, a.CompletedAt - a.StartedAt);
        Assert.Equal(TimeSpan.Zero, b.CompletedAt - b.StartedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(40), b.StartedAt - a.CompletedAt); // a's checkpoint ran between them
    }

    /// <summary>The last checkpoint before <paramref name="node"/> started has <paramref name="predecessor"/> completed.</summary>
    private static void AssertCheckpointedBeforeStart(OrderingHost host, string node, string predecessor)
    {
        var started = host.Log.IndexOf($"started {node}");
        var checkpoint = host.Log.FindLastIndex(started, entry => entry.StartsWith("checkpoint", StringComparison.Ordinal));
        Assert.True(checkpoint >= 0, $"no checkpoint before {node} started: {string.Join(" | ", host.Log)}");
        Assert.Contains($"{predecessor}=completed", host.Log[checkpoint], StringComparison.Ordinal);
    }

    /// <summary>Logs checkpoints (with node statuses) and node starts in one sequence.</summary>
    private sealed class OrderingHost : IExecutionHost
    {
        public List<string> Log { get; } = [];

        public Task CheckpointAsync(ExecutionState state, CancellationToken cancellationToken)
        {
            lock (Log)
            {
                Log.Add("checkpoint " + string.Join(",", state.Nodes.Select(kv => $"{kv.Key}={kv.Value.Status.ToString().ToLowerInvariant()}")));
            }
            return Task.CompletedTask;
        }

        public void OnNodeEvent(NodeEvent nodeEvent)
        {
            lock (Log)
            {
                Log.Add($"{nodeEvent.Kind} {nodeEvent.NodeId}");
            }
        }
    }

    /// <summary>A host whose checkpoint writes take <paramref name="write"/> of the clock.</summary>
    private sealed class SlowCheckpointHost(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TimeSpan write) : IExecutionHost
    {
        public Task CheckpointAsync(ExecutionState state, CancellationToken cancellationToken)
        {
            clock.Advance(write);
            return Task.CompletedTask;
        }

        public void OnNodeEvent(NodeEvent nodeEvent)
        {
        }
    }
}
