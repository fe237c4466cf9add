using Microsoft.Data.Sqlite;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Storage;

/// <summary>Statements of the workflow statistics; both use <c>ix_workflow_execution_tenant_workflow_started</c>.</summary>
internal static class ExecutionStatsSql
{
    private const string Filter = "tenant_id = @tenant AND workflow_id = @workflow AND started_at >= @from AND started_at < @to";

    /// <summary>Exact counts per status over the whole period.</summary>
    public static void BuildCounts(SqliteCommand command, WorkflowStatsQuery query)
    {
        command.CommandText = $"SELECT status, COUNT(*) FROM workflow_execution WHERE {Filter} GROUP BY status";
        Bind(command, query);
    }

    /// <summary>Durations and node timings of the newest finished executions.</summary>
    public static void BuildSample(SqliteCommand command, WorkflowStatsQuery query, int limit)
    {
        command.CommandText = $"""
            SELECT status, duration_ms, node_timings FROM workflow_execution
            WHERE {Filter} AND status IN ('completed', 'failed', 'cancelled') AND duration_ms IS NOT NULL
            ORDER BY started_at DESC, id DESC LIMIT @limit
            """;
        Bind(command, query);
        command.Parameters.AddWithValue("@limit", limit);
    }

    private static void Bind(SqliteCommand command, WorkflowStatsQuery query)
    {
        command.Parameters.AddWithValue("@tenant", query.TenantId);
        command.Parameters.AddWithValue("@workflow", query.WorkflowId.ToString("D"));
        command.Parameters.AddWithValue("@from", query.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@to", query.To.ToUnixTimeMilliseconds());
    }
}
