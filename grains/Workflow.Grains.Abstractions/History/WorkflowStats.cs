namespace Workflow.Grains.Abstractions.History;

/// <summary>
/// <c>GET /api/workflows/{id}/stats</c>: counts per status over every execution started in the period; durations,
/// p95 and node timings over the newest <see cref="IExecutionStatsStore.MaxSample"/> finished ones.
/// </summary>
public sealed record WorkflowStats
{
    public required Guid WorkflowId { get; init; }
    /// <summary>The period as asked (<c>24h</c>, <c>7d</c>…).</summary>
    public string Period { get; init; } = "";
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public long Total { get; init; }
    /// <summary>Every execution status (<c>running</c>, <c>waiting</c>, <c>paused</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c>) with its count.</summary>
    public required IReadOnlyDictionary<string, long> ByStatus { get; init; }
    /// <summary>completed ÷ finished (completed + failed + cancelled); null when none finished.</summary>
    public double? SuccessRate { get; init; }
    /// <summary>Over finished executions; null when none finished.</summary>
    public double? AvgDurationMs { get; init; }
    public double? P95DurationMs { get; init; }
    /// <summary>Slowest first (by average duration).</summary>
    public IReadOnlyList<NodeStats> Nodes { get; init; } = [];
}
