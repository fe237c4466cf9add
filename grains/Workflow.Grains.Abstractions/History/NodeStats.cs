namespace Workflow.Grains.Abstractions.History;

/// <summary>Timings of one node over the sampled finished executions (a bottleneck shows as a high p95).</summary>
public sealed record NodeStats
{
    public required string NodeId { get; init; }
    /// <summary>Executions in which the node ran (completed or failed).</summary>
    public int Count { get; init; }
    public double AvgDurationMs { get; init; }
    public double P95DurationMs { get; init; }
    /// <summary>Executions in which the node ended failed.</summary>
    public int Failures { get; init; }
}
