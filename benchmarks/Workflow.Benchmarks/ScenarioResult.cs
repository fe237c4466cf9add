namespace Workflow.Benchmarks;

/// <summary>
/// What one scenario measured: a one-line summary against its DESIGN §8 target, the detail, and notes.
/// <see cref="Met"/> is null for a scenario without a target (a comparison). <see cref="Failures"/> counts executions that did not complete with every node completed.
/// </summary>
public sealed record ScenarioResult(
    string Name,
    string Summary,
    string Target,
    bool? Met,
    int Failures,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<string> Notes);
