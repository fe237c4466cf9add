namespace Workflow.Benchmarks;

/// <summary>One measured quantity of a scenario: either a distribution or a single value.</summary>
public sealed record MetricRow(string Name, string Unit, Distribution? Distribution = null, double? Value = null)
{
    public static MetricRow Of(string name, string unit, IEnumerable<double> values) => new(name, unit, Distribution.Of(values));

    public static MetricRow Single(string name, string unit, double value) => new(name, unit, Value: value);
}
