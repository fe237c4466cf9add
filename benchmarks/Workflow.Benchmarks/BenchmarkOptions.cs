using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// Command line: <c>[sequential|start-latency|concurrent|webhook|parked|parked-delay|all|compare] [--runs N] [--warmup N]
/// [--concurrency N] [--connections N] [--rounds N] [--warmup-rounds N] [--env KEY=VALUE] [--baseline DIR]
/// [--baseline-env KEY=VALUE] [--httpclient] [--out FILE]</c>. <c>compare</c> is not part of <c>all</c>: it needs <c>--baseline</c>.
/// </summary>
public sealed record BenchmarkOptions
{
    public static readonly string[] AllScenarios = ["sequential", "start-latency", "concurrent", "webhook", "parked", "parked-delay"];

    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;
    public int Runs { get; init; } = 300;
    public int Warmup { get; init; } = 100;
    public int Concurrency { get; init; } = 1000;
    public int Connections { get; init; } = 1000;
    public int Rounds { get; init; } = 5;
    public int WarmupRounds { get; init; } = 2;
    public TimeSpan ScenarioTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public string? Output { get; init; }

    /// <summary>Extra environment of the silo process (<c>--env KEY=VALUE</c>, repeatable), e.g. runtime knobs to compare.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The checkout whose built silo <c>compare</c> runs beside this one (<c>--baseline DIR</c>).</summary>
    public string? Baseline { get; init; }

    /// <summary>
    /// Webhook load through <see cref="HttpClient"/> (<c>--httpclient</c>) rather than the leaner <see cref="RawHookClient"/>,
    /// which leaves the silo more of the shared cores.
    /// </summary>
    public bool HttpClientLoad { get; init; }

    /// <summary>Extra environment of the baseline silo in <c>compare</c> (<c>--baseline-env KEY=VALUE</c>, repeatable).</summary>
    public IReadOnlyDictionary<string, string> BaselineEnvironment { get; init; } = new Dictionary<string, string>();

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "all" => options with { Scenarios = AllScenarios },
                var s when AllScenarios.Contains(s) => options with { Scenarios = [s] },
                CompareScenario.Name => options with { Scenarios = [CompareScenario.Name] },
                "--runs" => options with { Runs = Int(args, ++i) },
                "--warmup" => options with { Warmup = Int(args, ++i) },
                "--concurrency" => options with { Concurrency = Int(args, ++i) },
                "--connections" => options with { Connections = Int(args, ++i) },
                "--rounds" => options with { Rounds = Int(args, ++i) },
                "--warmup-rounds" => options with { WarmupRounds = Int(args, ++i) },
                "--httpclient" => options with { HttpClientLoad = true },
                "--out" => options with { Output = i + 1 < args.Length ? args[++i] : throw Usage() },
                "--baseline" => options with { Baseline = i + 1 < args.Length ? Path.GetFullPath(args[++i]) : throw Usage() },
                "--baseline-env" => options with { BaselineEnvironment = With(options.BaselineEnvironment, i + 1 < args.Length ? args[++i] : throw Usage()) },
                "--env" => options with { SiloEnvironment = With(options.SiloEnvironment, i + 1 < args.Length ? args[++i] : throw Usage()) },
                _ => throw Usage(),
            };
        }
        return options;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> environment, string pair)
    {
        var split = pair.IndexOf('=', StringComparison.Ordinal);
        return split > 0
            ? new Dictionary<string, string>(environment) { [pair[..split]] = pair[(split + 1)..] }
            : throw Usage();
    }

    private static int Int(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw Usage();

    private static ArgumentException Usage() => new(
        "usage: [sequential|start-latency|concurrent|webhook|parked|parked-delay|all|compare] [--runs N] [--warmup N] [--concurrency N] [--connections N] [--rounds N] [--warmup-rounds N] [--env KEY=VALUE] [--baseline DIR] [--baseline-env KEY=VALUE] [--httpclient] [--out FILE]");
}
