using System.Diagnostics;

namespace Workflow.Benchmarks;

/// <summary>
/// (c) <see cref="BenchmarkOptions.Concurrency"/> executions of a 5-node chain started at once, each with
/// <c>?wait=true</c>: throughput = executions / wall time of the round; latency per request; the silo's peak RSS.
/// Warm-up rounds (the first also opens the connections) precede the measured rounds.
/// </summary>
public static class ConcurrentScenario
{
    public const string Name = "concurrent";
    private const int Nodes = 5;

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest silo, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var api = new BenchmarkApi(silo.BaseAddress, options.Connections);
        await api.AuthenticateAsync(silo.AdminPassword, cancellationToken);
        var workflowId = await api.CreateWorkflowAsync(BenchmarkWorkflows.Chain("bench-concurrent", Nodes), cancellationToken);
        var body = BenchmarkWorkflows.Input(1);

        for (var r = 0; r < options.WarmupRounds; r++)
        {
            await RoundAsync(api, workflowId, body, options.Concurrency, cancellationToken);
        }
        var failures = 0;
        List<double> throughput = [], latency = [];
        var errors = new List<string>();
        var siloCpu = ProcessCpu.Read(silo.Pid);
        var clientCpu = ProcessCpu.Self();
        for (var r = 0; r < options.Rounds; r++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcomes = await RoundAsync(api, workflowId, body, options.Concurrency, cancellationToken);
            throughput.Add(options.Concurrency / Stopwatch.GetElapsedTime(started).TotalSeconds);
            latency.AddRange(outcomes.Where(o => o.Error is null).Select(o => o.Milliseconds));
            failures += outcomes.Count(o => o.Error is not null);
            errors.AddRange(outcomes.Where(o => o.Error is not null).Select(o => o.Error!).Distinct().Take(3));
        }

        var executions = (double)options.Concurrency * options.Rounds;
        siloCpu = ProcessCpu.Read(silo.Pid) - siloCpu;
        clientCpu = ProcessCpu.Self() - clientCpu;
        var memory = silo.Memory();
        var rate = Distribution.Of(throughput);
        var times = Distribution.Of(latency);
        return new ScenarioResult(
            Name,
            $"{rate.Median:F0} executions/s (rounds {rate.Min:F0}–{rate.Max:F0}), latency p50 {times.Median:F0} ms p99 {times.P99:F0} ms, peak RSS {memory.PeakRssMegabytes:F0} MB",
            "≥ 3,700 executions/s (§8 figure is for webhook → transform → if → respond at 16 clients); < 300 MB RSS",
            failures == 0 && rate.Median >= 3700 && memory.PeakRssMegabytes < 300,
            failures,
            [
                MetricRow.Of($"throughput per round ({options.Concurrency} executions / wall time)", "executions/s", throughput),
                MetricRow.Of("request latency (POST …?wait=true → 200)", "ms", latency),
                MetricRow.Single("silo CPU time per execution (user + system, measured rounds)", "ms", siloCpu.TotalMilliseconds / executions),
                MetricRow.Single("load generator CPU time per execution", "ms", clientCpu.TotalMilliseconds / executions),
                MetricRow.Single("silo peak RSS (VmHWM)", "MB", memory.PeakRssMegabytes),
                MetricRow.Single("silo RSS after the rounds", "MB", memory.RssMegabytes),
            ],
            [
                $"{options.WarmupRounds} warm-up + {options.Rounds} measured rounds of {options.Concurrency} concurrent executions (trigger + {Nodes - 1} `set`), " +
                $"{options.Connections} client connections; every response checked: status completed, all {Nodes} nodes completed.",
                .. errors.Distinct().Select(e => "error: " + e),
            ]);
    }

    private static async Task<Outcome[]> RoundAsync(BenchmarkApi api, string workflowId, byte[] body, int count, CancellationToken cancellationToken)
    {
        var tasks = new Task<Outcome>[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = RunOneAsync(api, workflowId, body, cancellationToken);
        }
        return await Task.WhenAll(tasks);
    }

    private static async Task<Outcome> RunOneAsync(BenchmarkApi api, string workflowId, byte[] body, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            var timings = ExecutionTimings.From(await api.RunAsync(workflowId, body, cancellationToken));
            var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            return new Outcome(elapsed, timings.AllNodesCompleted(Nodes) ? null : $"execution {timings.Id} ended {timings.Status}");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return new Outcome(Stopwatch.GetElapsedTime(sent).TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    private readonly record struct Outcome(double Milliseconds, string? Error);
}
