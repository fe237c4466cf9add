using System.Diagnostics;
using System.Net;

namespace Workflow.Benchmarks;

/// <summary>
/// DESIGN §8 / issue 4 part 7: <see cref="WebhookWorkflow"/> through <c>POST /hooks/default/{path}</c> at 1, 16 and 64
/// closed-loop clients (each sends its next request when the previous one answered), each level a warm-up then a
/// measured window: executions/s, p50/p99 latency, and the silo's peak RSS after the run. Every answer is checked.
/// </summary>
public static class WebhookScenario
{
    public const string Name = "webhook";
    private static readonly int[] Levels = [1, 16, 64];
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Before the first level: 16 clients long enough for tiered compilation to settle (the runtime compiles thousands
    /// of methods a second for the first ~25 s of load; measured with dotnet-counters), so every level measures the
    /// steady state rather than the JIT.
    /// </summary>
    internal static readonly TimeSpan ProcessWarmup = TimeSpan.FromSeconds(30);

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest silo, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(silo, Levels.Max(), cancellationToken);
        using var api = prepared.Api;
        var path = prepared.Path;
        var viaHttpClient = options.HttpClientLoad;

        var metrics = new List<MetricRow>();
        var summary = new List<string>();
        var errors = new List<string>();
        var failures = 0;
        var met = true;
        await LevelAsync(api, path, 16, ProcessWarmup, viaHttpClient, cancellationToken);
        foreach (var clients in Levels)
        {
            await LevelAsync(api, path, clients, Warmup, viaHttpClient, cancellationToken);
            var siloCpu = ProcessCpu.Read(silo.Pid);
            var clientCpu = ProcessCpu.Self();
            var level = await LevelAsync(api, path, clients, Measured, viaHttpClient, cancellationToken);
            siloCpu = ProcessCpu.Read(silo.Pid) - siloCpu;
            clientCpu = ProcessCpu.Self() - clientCpu;
            var rate = level.Latencies.Count / level.Elapsed.TotalSeconds;
            var times = Distribution.Of(level.Latencies);
            failures += level.Failures;
            errors.AddRange(level.Errors);
            met &= clients switch { 1 => times.P99 < 4, 16 => rate >= 3700, _ => times.P99 < 30 };
            summary.Add($"{clients} client{(clients == 1 ? "" : "s")}: {rate:F0}/s p50 {times.Median:F2} ms p99 {times.P99:F2} ms");
            metrics.Add(MetricRow.Single($"{clients} clients: executions/s (answered 200 as expected / {Measured.TotalSeconds:F0} s)", "executions/s", rate));
            metrics.Add(MetricRow.Of($"{clients} clients: latency POST /hooks/… → 200", "ms", level.Latencies));
            metrics.Add(MetricRow.Single($"{clients} clients: silo CPU time per execution", "ms", siloCpu.TotalMilliseconds / Math.Max(1, level.Latencies.Count)));
            metrics.Add(MetricRow.Single($"{clients} clients: load generator CPU time per execution", "ms", clientCpu.TotalMilliseconds / Math.Max(1, level.Latencies.Count)));
        }
        var memory = silo.Memory();
        met &= failures == 0 && memory.PeakRssMegabytes < 300;
        metrics.Add(MetricRow.Single("silo peak RSS (VmHWM) after all levels", "MB", memory.PeakRssMegabytes));
        metrics.Add(MetricRow.Single("silo RSS after all levels", "MB", memory.RssMegabytes));
        return new ScenarioResult(
            Name,
            string.Join("; ", summary) + $"; peak RSS {memory.PeakRssMegabytes:F0} MB",
            "≥ 3,700 executions/s at 16 clients; p99 < 4 ms at 1 client, < 30 ms at 64; < 300 MB RSS",
            met,
            failures,
            metrics,
            [
                $"webhook (`lastNode`) → transform (total, big) → if → `set` on each branch; per level {Warmup.TotalSeconds:F0} s warm-up + " +
                $"{Measured.TotalSeconds:F0} s measured, closed loop; clients alternate an order of 105 (big) and 85 (small); every answer " +
                "checked: 200 with the expected `{result, total}`; the silo runs with the rate limit off; " +
                (viaHttpClient ? "clients use `HttpClient` (`--httpclient`)." : "each client is a keep-alive HTTP/1.1 connection with prebuilt requests (`RawHookClient`; `--httpclient` for `HttpClient`)."),
                .. errors.Distinct().Take(5).Select(e => "error: " + e),
            ]);
    }

    /// <summary>Signs in and activates a fresh <see cref="WebhookWorkflow"/>: the client and the webhook path to load.</summary>
    internal static async Task<(BenchmarkApi Api, string Path)> PrepareAsync(SiloUnderTest silo, int clients, CancellationToken cancellationToken)
    {
        var api = new BenchmarkApi(silo.BaseAddress, clients);
        try
        {
            await api.AuthenticateAsync(silo.AdminPassword, cancellationToken);
            var path = "bench-" + Guid.NewGuid().ToString("N");
            var workflowId = await api.CreateWorkflowAsync(WebhookWorkflow.Document(path), cancellationToken);
            await api.ActivateAsync(workflowId, cancellationToken);
            return (api, path);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    internal static async Task<Level> LevelAsync(BenchmarkApi api, string path, int clients, TimeSpan duration, bool viaHttpClient,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientAsync(api, path, c, until, viaHttpClient, cancellationToken)));
        return new Level(
            [.. runs.SelectMany(r => r.Latencies)], runs.Sum(r => r.Failures), [.. runs.SelectMany(r => r.Errors).Distinct()],
            Stopwatch.GetElapsedTime(started));
    }

    private static async Task<Level> ClientAsync(BenchmarkApi api, string path, int client, long until, bool viaHttpClient,
        CancellationToken cancellationToken)
    {
        using var raw = viaHttpClient ? null : new RawHookClient(api.BaseAddress, path, [.. WebhookWorkflow.Orders.Select(o => o.Body)]);
        var latencies = new List<double>();
        var errors = new List<string>();
        var failures = 0;
        for (var i = client; Stopwatch.GetTimestamp() < until; i++)
        {
            var order = i % WebhookWorkflow.Orders.Length;
            var (body, result, total) = WebhookWorkflow.Orders[order];
            var sent = Stopwatch.GetTimestamp();
            string? error;
            try
            {
                var (status, text) = raw is null
                    ? await api.PostHookAsync(path, body, cancellationToken)
                    : await raw.PostAsync(order, cancellationToken);
                error = status == HttpStatusCode.OK ? WebhookWorkflow.Check(text, result, total) : $"answered {(int)status}: {text}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
            if (error is null)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            else
            {
                failures++;
                if (errors.Count < 3)
                {
                    errors.Add(error);
                }
            }
        }
        return new Level(latencies, failures, errors, TimeSpan.Zero);
    }

    internal sealed record Level(List<double> Latencies, int Failures, List<string> Errors, TimeSpan Elapsed);
}
