using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;
using Workflow.Nodes;

namespace Workflow.Core.Tests.Execution;

/// <summary>
/// Runs a workflow to its end with the real driver, planner, nodes and sandbox. Durable waits advance a fake clock,
/// and each resumption starts a fresh driver from the last checkpoint's JSON — as a restarted grain would.
/// </summary>
public static class FixtureRunner
{
    public static readonly NodeRegistry Registry = new(NodeCatalog.BuiltIn().Append(new FlakyNode()).Append(new SlowNode()));
    public static readonly IExpressionEvaluator Evaluator = new JintExpressionEvaluator(new SandboxOptions());

    public static async Task<(ExecutionState State, MemoryHost Host)> RunAsync(WorkflowDocument document, JsonNode? input, TimeProvider? time = null)
    {
        var clock = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ExecutionServices(Registry, Evaluator, clock);
        var graph = new WorkflowGraph(document.Definition);
        var host = new MemoryHost();
        var driver = new ExecutionDriver(document, graph, new ExecutionState(), services, host);
        var trigger = document.Definition.Nodes.First(n => n.Type == NodeTypes.Trigger).Id;
        driver.Start("exec-1", trigger, input);
        for (var round = 0; round < 10_000; round++)
        {
            var outcome = await driver.RunAsync(CancellationToken.None);
            if (outcome.Status.IsTerminal())
            {
                return (driver.State, host);
            }
            if (outcome.NextWakeAt is not { } wake || clock is not FakeTimeProvider fake)
            {
                throw new InvalidOperationException($"Execution stuck in {outcome.Status} with nothing to wake it.");
            }
            if (wake > fake.GetUtcNow())
            {
                fake.SetUtcNow(wake);
            }
            driver = new ExecutionDriver(document, graph, host.Restore(), services, host);
        }
        throw new InvalidOperationException("Execution did not finish.");
    }
}
