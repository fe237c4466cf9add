namespace Workflow.Grains.Abstractions.History;

/// <summary>Aggregates over the execution history (the history store implements it).</summary>
public interface IExecutionStatsStore
{
    /// <summary>The most finished executions durations and node timings are computed from (newest first).</summary>
    const int MaxSample = 10_000;

    Task<WorkflowStats> GetStatsAsync(WorkflowStatsQuery query, CancellationToken cancellationToken = default);
}
