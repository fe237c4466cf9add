using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflow.Core.Execution;
using Workflow.Core.Graph;

namespace Workflow.Core.Tests.Execution;

public sealed class SignalAndPauseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Signal_WaitingNode_CompletesWithPayloadOnOutHandle()
    {
        var driver = Driver(Chain(("approval", "wait", new JsonObject()), ("after", "transform", new JsonObject { ["code"] = "return nodes.approval.output.decision;" })));
        var parked = await driver.RunAsync(CancellationToken.None);

        var outcome = driver.Planner.Signal(driver.State, "approval", new JsonObject { ["decision"] = "yes" }, _clock.GetUtcNow());
        var done = await driver.RunAsync(CancellationToken.None);

        Assert.Equal((ExecutionStatus.Waiting, (DateTimeOffset?)null), (parked.Status, parked.NextWakeAt));
        Assert.Equal(SignalOutcome.Delivered, outcome);
        Assert.Equal(ExecutionStatus.Completed, done.Status);
        Assert.Equal("yes", driver.State.Result!.GetValue<string>());
    }

    [Fact]
    public async Task Signal_UnknownOrNotWaitingNode_IsRefused()
    {
        var driver = Driver(Chain(("approval", "wait", new JsonObject()), ("after", "set", new JsonObject { ["values"] = new JsonObject { ["a"] = 1 } })));
        await driver.RunAsync(CancellationToken.None);

        Assert.Equal(SignalOutcome.UnknownNode, driver.Planner.Signal(driver.State, "nope", null, _clock.GetUtcNow()));
        Assert.Equal(SignalOutcome.NotWaiting, driver.Planner.Signal(driver.State, "after", null, _clock.GetUtcNow()));
        Assert.Equal(SignalOutcome.Delivered, driver.Planner.Signal(driver.State, "approval", null, _clock.GetUtcNow()));
        Assert.Equal(SignalOutcome.NotWaiting, driver.Planner.Signal(driver.State, "approval", null, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task PauseAndResume_DelayDueWhilePaused_ContinuesOnlyAfterResume()
    {
        var driver = Driver(Chain(("pause", "delay", new JsonObject { ["durationSeconds"] = 10 }), ("after", "transform", new JsonObject { ["code"] = "return 'done';" })));
        await driver.RunAsync(CancellationToken.None);

        Assert.True(driver.Planner.Pause(driver.State));
        _clock.Advance(TimeSpan.FromSeconds(30));
        var paused = await driver.RunAsync(CancellationToken.None);
        Assert.Equal(ExecutionStatus.Paused, paused.Status);
        Assert.Equal(NodeStatus.Waiting, driver.State.Node("pause").Status);

        Assert.True(driver.Planner.Resume(driver.State));
        var done = await driver.RunAsync(CancellationToken.None);
        Assert.Equal(ExecutionStatus.Completed, done.Status);
        Assert.False(driver.Planner.Resume(driver.State));
        Assert.False(driver.Planner.Pause(driver.State));
    }

    private ExecutionDriver Driver(WorkflowDocument document)
    {
        var services = new ExecutionServices(FixtureRunner.Registry, FixtureRunner.Evaluator, _clock);
        var driver = new ExecutionDriver(document, new WorkflowGraph(document.Definition), new ExecutionState(), services, new MemoryHost());
        driver.Start("exec-1", "start", null);
        return driver;
    }

    private static WorkflowDocument Chain(params (string Id, string Type, JsonObject Config)[] chain)
    {
        var nodes = new List<NodeDefinition> { new() { Id = "start", Type = "trigger", Config = new JsonObject { ["kind"] = "manual" } } };
        nodes.AddRange(chain.Select(c => new NodeDefinition { Id = c.Id, Type = c.Type, Config = c.Config }));
        var edges = nodes.Zip(nodes.Skip(1), (a, b) => new EdgeDefinition { Id = $"{a.Id}-{b.Id}", Source = a.Id, Target = b.Id }).ToArray();
        return new WorkflowDocument { Name = "t", Definition = new WorkflowDefinition { Nodes = nodes, Edges = edges } };
    }
}
