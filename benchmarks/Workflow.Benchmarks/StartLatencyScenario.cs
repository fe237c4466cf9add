using System.Diagnostics;

namespace Workflow.Benchmarks;

/// <summary>
/// (b) API call → first node running: the client's clock just before it sends <c>POST …/executions</c> (no wait)
/// against the trigger node's <c>startedAt</c> from <c>GET /api/executions/{id}</c> (same machine, same clock).
/// Each execution is left to finish before the next starts.
/// </summary>
public static class StartLatencyScenario
{
    public const string Name = "start-latency";
    private const int Nodes = 2;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest silo, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var api = new BenchmarkApi(silo.BaseAddress, maxConnections: 2);
        await api.AuthenticateAsync(silo.AdminPassword, cancellationToken);
        var workflowId = await api.CreateWorkflowAsync(BenchmarkWorkflows.Chain("bench-start", Nodes), cancellationToken);
        var body = BenchmarkWorkflows.Input(1);

        var failures = 0;
        List<double> latency = [], roundTrip = [], created = [], firstCheckpoint = [];
        for (var i = 0; i < options.Warmup + options.Runs; i++)
        {
            var clientSent = DateTimeOffset.UtcNow;
            var sent = Stopwatch.GetTimestamp();
            var executionId = await api.StartAsync(workflowId, body, cancellationToken);
            var rtt = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            var timings = await SettleAsync(api, executionId, cancellationToken);
            if (i < options.Warmup)
            {
                continue;
            }
            if (timings?.AllNodesCompleted(Nodes) != true || timings.Node("start").StartedAt is not { } triggerStarted)
            {
                failures++;
                continue;
            }
            roundTrip.Add(rtt);
            latency.Add(ExecutionTimings.Milliseconds(clientSent, triggerStarted));
            created.Add(ExecutionTimings.Milliseconds(clientSent, timings.StartedAt));
            firstCheckpoint.Add(ExecutionTimings.Milliseconds(timings.StartedAt, triggerStarted));
        }

        var start = Distribution.Of(latency);
        var post = Distribution.Of(roundTrip);
        return new ScenarioResult(
            Name,
            $"{start.Median:F2} ms median to the first node running (p99 {start.P99:F2}); POST round trip {post.Median:F2} ms (p99 {post.P99:F2})",
            "< 2 ms median",
            failures == 0 && start.Median < 2,
            failures,
            [
                MetricRow.Of("client send → trigger node startedAt", "ms", latency),
                MetricRow.Of("POST …/executions round trip (202)", "ms", roundTrip),
                MetricRow.Of("  of which: client send → execution startedAt (HTTP, routing, workflow read, grain activation)", "ms", created),
                MetricRow.Of("  of which: execution startedAt → trigger startedAt (first checkpoint committed)", "ms", firstCheckpoint),
                MetricRow.Single("silo peak RSS (VmHWM)", "MB", silo.Memory().PeakRssMegabytes),
            ],
            [$"{options.Warmup} warm-up + {options.Runs} measured starts of a trigger → set workflow, one at a time; client and silo read the same system clock."]);
    }

    /// <summary>Polls until the execution is no longer running (bounded in time); null when it never settles.</summary>
    private static async Task<ExecutionTimings?> SettleAsync(BenchmarkApi api, string executionId, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(SettleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var timings = ExecutionTimings.From(await api.GetExecutionAsync(executionId, cancellationToken));
            if (timings.Status is not ("running" or "pending"))
            {
                return timings;
            }
            await Task.Delay(1, cancellationToken);
        }
        return null;
    }
}
