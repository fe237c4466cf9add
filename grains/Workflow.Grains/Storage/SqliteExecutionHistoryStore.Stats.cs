using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Storage;

/// <summary>Workflow statistics straight from <c>workflow_execution</c>.</summary>
public sealed partial class SqliteExecutionHistoryStore : IExecutionStatsStore
{
    /// <inheritdoc />
    /// <remarks>Flushes queued rows first, so executions that just finished are counted.</remarks>
    public async Task<WorkflowStats> GetStatsAsync(WorkflowStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.TenantId, nameof(query));
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var stats = new WorkflowStatsBuilder(query);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var counts = connection.CreateCommand())
        {
            ExecutionStatsSql.BuildCounts(counts, query);
            await using var reader = await counts.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stats.AddCount(reader.GetString(0), reader.GetInt64(1));
            }
        }
        await using (var sample = connection.CreateCommand())
        {
            ExecutionStatsSql.BuildSample(sample, query, IExecutionStatsStore.MaxSample);
            await using var reader = await sample.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stats.AddFinished(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
        return stats.Build();
    }
}
