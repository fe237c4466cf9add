using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Workflow.Benchmarks;

/// <summary>Renders scenario results as Markdown: a summary row per scenario, then the detail of each.</summary>
public static class ResultsReport
{
    public const string SummaryHeader = "| scenario | measured | target (DESIGN §8) | met | failed executions |\n|---|---|---|---|---|";

    public static string Row(ScenarioResult result) =>
        $"| `{result.Name}` | {result.Summary} | {result.Target} | {result.Met switch { true => "yes", false => "no", null => "—" }} | {result.Failures} |";

    public static string Render(IReadOnlyList<ScenarioResult> results, IReadOnlyList<string> errors, string command)
    {
        var text = new StringBuilder();
        text.AppendLine("# Workflow load benchmarks").AppendLine();
        text.AppendLine(Invariant($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · .NET {Environment.Version} · `{command}`"));
        text.AppendLine().AppendLine("The silo is the real executable (Release) on a fresh temporary SQLite data directory per scenario, driven over HTTP on 127.0.0.1 by a load generator on the same cores; the state is checkpointed after every node unless the command line sets `--env Workflow__Execution__PipelineCheckpoints=true`. " +
            "The silo gets the environment of its launch profile, as `dotnet run --project silo/Workflow.Silo` gives it: " +
            string.Join(", ", LaunchProfile.Environment().Select(v => $"`{v.Key}={v.Value}`")) + ".").AppendLine();
        text.AppendLine(SummaryHeader);
        foreach (var result in results)
        {
            text.AppendLine(Row(result));
        }
        foreach (var error in errors)
        {
            text.AppendLine().AppendLine("**error:** " + error);
        }
        foreach (var result in results)
        {
            text.AppendLine().AppendLine($"## `{result.Name}`").AppendLine();
            foreach (var note in result.Notes)
            {
                text.AppendLine(note).AppendLine();
            }
            text.AppendLine("| metric | unit | n | median | p99 | mean | min | max |").AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var metric in result.Metrics)
            {
                text.AppendLine(metric.Distribution is { } d
                    ? Invariant($"| {metric.Name} | {metric.Unit} | {d.Count} | {F(d.Median)} | {F(d.P99)} | {F(d.Mean)} | {F(d.Min)} | {F(d.Max)} |")
                    : Invariant($"| {metric.Name} | {metric.Unit} | 1 | {F(metric.Value ?? double.NaN)} | | | | |"));
            }
        }
        return text.ToString();
    }

    private static string F(double value) => value switch
    {
        double.NaN => "–",
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("F2", CultureInfo.InvariantCulture),
        _ => value.ToString("F3", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
