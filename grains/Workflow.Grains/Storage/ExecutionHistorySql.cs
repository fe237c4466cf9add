using System.Text;
using Microsoft.Data.Sqlite;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Storage;

/// <summary>Statements and row mapping of <c>workflow_execution</c>. Times are Unix milliseconds (UTC).</summary>
internal static class ExecutionHistorySql
{
    public const int MaxPageSize = 500;

    private const string Columns =
        "id, tenant_id, workflow_id, workflow_version, workflow_name, status, triggered_by, started_at, completed_at, duration_ms, error_code, error_message, updated_at, node_timings";

    // The tenant of a row never changes, and an older update never overwrites a newer one.
    private const string Upsert = $"""
        INSERT INTO workflow_execution ({Columns})
        VALUES (@id, @tenant, @workflow, @version, @name, @status, @trigger, @started, @completed, @duration, @code, @message, @updated, @timings)
        ON CONFLICT (id) DO UPDATE SET
            workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version,
            workflow_name = excluded.workflow_name, status = excluded.status, triggered_by = excluded.triggered_by,
            started_at = excluded.started_at, completed_at = excluded.completed_at, duration_ms = excluded.duration_ms,
            error_code = excluded.error_code, error_message = excluded.error_message, updated_at = excluded.updated_at,
            node_timings = excluded.node_timings
        WHERE workflow_execution.tenant_id = excluded.tenant_id AND excluded.updated_at >= workflow_execution.updated_at
        """;

    /// <summary>Runs in the writer: upserts <paramref name="records"/> with one compiled statement.</summary>
    public static int WriteBatch(SqliteWriteContext context, IReadOnlyList<ExecutionRecord> records, long now)
    {
        var command = context.Command(Upsert);
        string[] names = ["@id", "@tenant", "@workflow", "@version", "@name", "@status", "@trigger", "@started", "@completed", "@duration", "@code", "@message", "@updated", "@timings"];
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        foreach (var record in records)
        {
            parameters[0].Value = record.Id;
            parameters[1].Value = record.TenantId;
            parameters[2].Value = record.WorkflowId.ToString("D");
            parameters[3].Value = record.WorkflowVersion;
            parameters[4].Value = (object?)record.WorkflowName ?? DBNull.Value;
            parameters[5].Value = record.Status;
            parameters[6].Value = record.TriggeredBy;
            parameters[7].Value = record.StartedAt.ToUnixTimeMilliseconds();
            parameters[8].Value = (object?)record.CompletedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            parameters[9].Value = (object?)record.DurationMs ?? DBNull.Value;
            parameters[10].Value = (object?)record.ErrorCode ?? DBNull.Value;
            parameters[11].Value = (object?)record.ErrorMessage ?? DBNull.Value;
            parameters[12].Value = record.UpdatedAt == default ? now : record.UpdatedAt.ToUnixTimeMilliseconds();
            parameters[13].Value = (object?)record.NodeTimingsJson ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        return records.Count;
    }

    /// <summary>Prepares the lookup of one execution of one tenant.</summary>
    public static void BuildGet(SqliteCommand command, string tenantId, string executionId)
    {
        command.CommandText = $"SELECT {Columns} FROM workflow_execution WHERE tenant_id = @tenant AND id = @id";
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@id", executionId);
    }

    /// <summary>Prepares a page query: newest first by (started_at, id), one row more than the page to detect a next page.</summary>
    public static void BuildQuery(SqliteCommand command, ExecutionQuery query, int pageSize)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM workflow_execution WHERE tenant_id = @tenant");
        command.Parameters.AddWithValue("@tenant", query.TenantId);
        if (query.WorkflowId is { } workflowId)
        {
            sql.Append(" AND workflow_id = @workflow");
            command.Parameters.AddWithValue("@workflow", workflowId.ToString("D"));
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            sql.Append(" AND status = @status");
            command.Parameters.AddWithValue("@status", query.Status);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND started_at >= @from");
            command.Parameters.AddWithValue("@from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            sql.Append(" AND started_at < @to");
            command.Parameters.AddWithValue("@to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var cursor = ExecutionCursor.Decode(query.Cursor);
            sql.Append(" AND (started_at, id) < (@cursorStarted, @cursorId)");
            command.Parameters.AddWithValue("@cursorStarted", cursor.StartedAt);
            command.Parameters.AddWithValue("@cursorId", cursor.Id);
        }

        sql.Append(" ORDER BY started_at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("@limit", pageSize + 1);
        command.CommandText = sql.ToString();
    }

    /// <summary>Maps the current row of a reader over <see cref="Columns"/>.</summary>
    public static ExecutionRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        TenantId = reader.GetString(1),
        WorkflowId = Guid.Parse(reader.GetString(2)),
        WorkflowVersion = reader.GetInt32(3),
        WorkflowName = reader.IsDBNull(4) ? null : reader.GetString(4),
        Status = reader.GetString(5),
        TriggeredBy = reader.GetString(6),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        CompletedAt = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        DurationMs = reader.IsDBNull(9) ? null : reader.GetInt64(9),
        ErrorCode = reader.IsDBNull(10) ? null : reader.GetString(10),
        ErrorMessage = reader.IsDBNull(11) ? null : reader.GetString(11),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
        NodeTimingsJson = reader.IsDBNull(13) ? null : reader.GetString(13),
    };
}
