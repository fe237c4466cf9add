using System.Diagnostics;

namespace Workflow.Benchmarks;

/// <summary>
/// (a) A 10-node chain (manual trigger + 9 <c>set</c> nodes), one execution at a time with <c>?wait=true</c>.
/// Per-node overhead comes from the server's own timestamps: (last node completedAt − first node startedAt) / 10.
/// </summary>
public static class SequentialScenario
{
    public const string Name = "sequential";
    private const int Nodes = 10;

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest silo, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var api = new BenchmarkApi(silo.BaseAddress, maxConnections: 2);
        await api.AuthenticateAsync(silo.AdminPassword, cancellationToken);
        var workflowId = await api.CreateWorkflowAsync(BenchmarkWorkflows.Chain("bench-sequential", Nodes), cancellationToken);
        var body = BenchmarkWorkflows.Input(1);

        var failures = 0;
        for (var i = 0; i < options.Warmup; i++)
        {
            var warm = ExecutionTimings.From(await api.RunAsync(workflowId, body, cancellationToken));
            failures += warm.AllNodesCompleted(Nodes) ? 0 : 1;
        }

        List<double> perNode = [], execution = [], roundTrip = [], nodeRun = [], gap = [], head = [], tail = [], before = [], after = [];
        var siloCpu = ProcessCpu.Read(silo.Pid);
        for (var i = 0; i < options.Runs; i++)
        {
            var clientSent = DateTimeOffset.UtcNow;
            var sent = Stopwatch.GetTimestamp();
            var json = await api.RunAsync(workflowId, body, cancellationToken);
            roundTrip.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            var clientReceived = DateTimeOffset.UtcNow;
            var timings = ExecutionTimings.From(json);
            if (!timings.AllNodesCompleted(Nodes) || timings.CompletedAt is not { } completedAt)
            {
                failures++;
                continue;
            }
            var chain = timings.Chain();
            var first = chain[0].StartedAt!.Value;
            var last = chain[^1].CompletedAt!.Value;
            perNode.Add(ExecutionTimings.Milliseconds(first, last) / Nodes);
            execution.Add(ExecutionTimings.Milliseconds(timings.StartedAt, completedAt));
            nodeRun.Add(chain.Average(n => ExecutionTimings.Milliseconds(n.StartedAt!.Value, n.CompletedAt!.Value)));
            gap.Add(Enumerable.Range(1, chain.Count - 1).Average(k => ExecutionTimings.Milliseconds(chain[k - 1].CompletedAt!.Value, chain[k].StartedAt!.Value)));
            head.Add(ExecutionTimings.Milliseconds(timings.StartedAt, first));
            tail.Add(ExecutionTimings.Milliseconds(last, completedAt));
            before.Add(ExecutionTimings.Milliseconds(clientSent, timings.StartedAt));
            after.Add(ExecutionTimings.Milliseconds(completedAt, clientReceived));
        }

        siloCpu = ProcessCpu.Read(silo.Pid) - siloCpu;
        var memory = silo.Memory();
        var node = Distribution.Of(perNode);
        var whole = Distribution.Of(execution);
        return new ScenarioResult(
            Name,
            $"{whole.Median:F2} ms per execution (p99 {whole.P99:F2}), {node.Median:F3} ms per node (p99 {node.P99:F3}), client round trip {Distribution.Of(roundTrip).Median:F2} ms",
            "< 3 ms end to end, < 0.3 ms per node",
            failures == 0 && whole.Median < 3 && node.Median < 0.3,
            failures,
            [
                MetricRow.Of("per-node overhead (first node start → last node end) / 10", "ms", perNode),
                MetricRow.Of("whole execution (execution startedAt → completedAt)", "ms", execution),
                MetricRow.Of("client round trip of POST …/executions?wait=true", "ms", roundTrip),
                MetricRow.Of("  round trip before the execution: client send → execution startedAt", "ms", before),
                MetricRow.Of("  round trip after the execution: execution completedAt → response received", "ms", after),
                MetricRow.Of("  of which: a node's own run (startedAt → completedAt), mean per node", "ms", nodeRun),
                MetricRow.Of("  of which: between nodes (completedAt → next startedAt: checkpoint + plan), mean", "ms", gap),
                MetricRow.Of("  of which: execution start → trigger running (first checkpoint)", "ms", head),
                MetricRow.Of("  of which: last node end → execution completedAt (its checkpoint + plan; the terminal checkpoint comes after)", "ms", tail),
                MetricRow.Single("silo CPU time per execution (user + system)", "ms", siloCpu.TotalMilliseconds / options.Runs),
                MetricRow.Single("silo peak RSS (VmHWM)", "MB", memory.PeakRssMegabytes),
            ],
            [$"{options.Warmup} warm-up + {options.Runs} measured executions, one at a time; a node is `set` with a constant."]);
    }
}
