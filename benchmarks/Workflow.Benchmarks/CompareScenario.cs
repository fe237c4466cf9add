using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// Two builds side by side (<c>compare --baseline DIR</c>): the silo built in another checkout and this one, each on its
/// own data directory, both under the <see cref="WebhookWorkflow"/> load at the same time (16 closed-loop clients each),
/// round after round. On a shared, noisy machine one build's figures drift by ±15 % from one run to the next; two
/// silos measured in the same seconds see the same noise, so their ratio resolves a few percent. Reports per round
/// the executions/s and silo CPU per execution of each and their ratios (this build / baseline). Pointing the baseline
/// at this checkout measures how far apart two identical silos come out (A/A).
/// </summary>
public static class CompareScenario
{
    public const string Name = "compare";
    private const int Clients = 16;
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(10);

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest current, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var baselineRoot = options.Baseline ?? throw new ArgumentException("compare needs --baseline <checkout with a Release build of the silo>.");
        await using var baseline = await SiloUnderTest.StartAsync(
            new Dictionary<string, string>(options.BaselineEnvironment) { ["Workflow__RateLimit__Enabled"] = "false" }, baselineRoot);
        var sides = new[] { await Side.PrepareAsync(baseline, cancellationToken), await Side.PrepareAsync(current, cancellationToken) };
        try
        {
            return await MeasureAsync(sides, baselineRoot, options, cancellationToken);
        }
        finally
        {
            foreach (var side in sides)
            {
                side.Api.Dispose();
            }
        }
    }

    private static async Task<ScenarioResult> MeasureAsync(Side[] sides, string baselineRoot, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        foreach (var side in sides)
        {
            await WebhookScenario.LevelAsync(side.Api, side.Path, Clients, WebhookScenario.ProcessWarmup, options.HttpClientLoad, cancellationToken);
        }

        var rates = new List<double>[] { [], [] };
        var cpus = new List<double>[] { [], [] };
        var failures = 0;
        var errors = new List<string>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var before = sides.Select(s => ProcessCpu.Read(s.Silo.Pid)).ToArray();
            var levels = await Task.WhenAll(sides.Select(s => WebhookScenario.LevelAsync(s.Api, s.Path, Clients, Round, options.HttpClientLoad, cancellationToken)));
            for (var i = 0; i < sides.Length; i++)
            {
                var count = Math.Max(1, levels[i].Latencies.Count);
                rates[i].Add(levels[i].Latencies.Count / levels[i].Elapsed.TotalSeconds);
                cpus[i].Add((ProcessCpu.Read(sides[i].Silo.Pid) - before[i]).TotalMilliseconds / count);
                failures += levels[i].Failures;
                errors.AddRange(levels[i].Errors);
            }
        }

        var rateRatios = rates[1].Zip(rates[0], (a, b) => a / b).ToList();
        var cpuRatios = cpus[1].Zip(cpus[0], (a, b) => a / b).ToList();
        return new ScenarioResult(
            Name,
            string.Create(CultureInfo.InvariantCulture,
                $"this build / baseline over {options.Rounds} rounds: executions/s ×{Median(rateRatios):F3} (rounds {rateRatios.Min():F2}–{rateRatios.Max():F2}), " +
                $"silo CPU per execution ×{Median(cpuRatios):F3} (rounds {cpuRatios.Min():F2}–{cpuRatios.Max():F2})"),
            "(a comparison: no target)",
            null,
            failures,
            [
                MetricRow.Of("baseline: executions/s per round", "executions/s", rates[0]),
                MetricRow.Of("this build: executions/s per round", "executions/s", rates[1]),
                MetricRow.Of("baseline: silo CPU per execution per round", "ms", cpus[0]),
                MetricRow.Of("this build: silo CPU per execution per round", "ms", cpus[1]),
                MetricRow.Of("executions/s ratio per round (this build / baseline)", "×", rateRatios),
                MetricRow.Of("silo CPU per execution ratio per round (this build / baseline)", "×", cpuRatios),
            ],
            [
                $"Baseline: the silo built in `{baselineRoot}`" +
                (options.BaselineEnvironment.Count == 0 ? "" : " with " + string.Join(", ", options.BaselineEnvironment.Select(v => $"`{v.Key}={v.Value}`"))) +
                $". Both silos warmed up for {WebhookScenario.ProcessWarmup.TotalSeconds:F0} s each, then {options.Rounds} rounds of {Round.TotalSeconds:F0} s with " +
                $"{Clients} closed-loop webhook clients on each silo at once (the two silos share the two cores).",
                .. errors.Distinct().Take(5).Select(e => "error: " + e),
            ]);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed record Side(SiloUnderTest Silo, BenchmarkApi Api, string Path)
    {
        public static async Task<Side> PrepareAsync(SiloUnderTest silo, CancellationToken cancellationToken)
        {
            var (api, path) = await WebhookScenario.PrepareAsync(silo, Clients, cancellationToken);
            return new Side(silo, api, path);
        }
    }
}
