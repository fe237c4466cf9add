using System.Text;
using Microsoft.Data.Sqlite;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Audit;

/// <summary>
/// Schema, statements and row mapping of <c>audit_log</c>. Times are Unix milliseconds (UTC). The table is
/// append-only: this code has no UPDATE or DELETE for it, and triggers refuse both from anyone else.
/// </summary>
internal static class AuditSql
{
    public const int MaxPageSize = 500;

    // seq (the rowid) orders entries of the same millisecond; with deletes refused it only grows.
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_log (
            seq         INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            tenant_id   TEXT NOT NULL,
            at          INTEGER NOT NULL,
            actor       TEXT NOT NULL,
            action      TEXT NOT NULL,
            target_type TEXT NOT NULL,
            target_id   TEXT,
            outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
            detail      TEXT,
            ip          TEXT
        );

        CREATE INDEX IF NOT EXISTS ix_audit_log_tenant_at ON audit_log (tenant_id, at DESC, seq DESC);
        CREATE INDEX IF NOT EXISTS ix_audit_log_tenant_action_at ON audit_log (tenant_id, action, at DESC, seq DESC);

        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        -- REPLACE deletes the old row without firing delete triggers, so an insert may not meet an existing row.
        CREATE TRIGGER IF NOT EXISTS audit_log_no_replace BEFORE INSERT ON audit_log
        WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    private const string Columns = "seq, id, tenant_id, at, actor, action, target_type, target_id, outcome, detail, ip";

    // A retried batch may hold rows that did commit; skipping known ids makes the retry a no-op for them (and
    // keeps the insert clear of the trigger that refuses to meet an existing row).
    private const string Insert = """
        INSERT INTO audit_log (id, tenant_id, at, actor, action, target_type, target_id, outcome, detail, ip)
        SELECT @id, @tenant, @at, @actor, @action, @targetType, @targetId, @outcome, @detail, @ip
        WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE id = @id)
        """;

    /// <summary>Runs in the writer: creates the table, its indexes and the triggers when missing.</summary>
    public static bool CreateSchema(SqliteWriteContext context)
    {
        using var command = context.Connection.CreateCommand();
        command.Transaction = context.Transaction;
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        return true;
    }

    /// <summary>Runs in the writer: inserts <paramref name="entries"/> with one compiled statement.</summary>
    public static int WriteBatch(SqliteWriteContext context, IReadOnlyList<AuditEntry> entries)
    {
        var command = context.Command(Insert);
        string[] names = ["@id", "@tenant", "@at", "@actor", "@action", "@targetType", "@targetId", "@outcome", "@detail", "@ip"];
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        foreach (var entry in entries)
        {
            parameters[0].Value = entry.Id;
            parameters[1].Value = entry.TenantId;
            parameters[2].Value = entry.At.ToUnixTimeMilliseconds();
            parameters[3].Value = entry.Actor;
            parameters[4].Value = entry.Action;
            parameters[5].Value = entry.TargetType;
            parameters[6].Value = (object?)entry.TargetId ?? DBNull.Value;
            parameters[7].Value = entry.Outcome;
            parameters[8].Value = (object?)entry.Detail ?? DBNull.Value;
            parameters[9].Value = (object?)entry.Ip ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        return entries.Count;
    }

    /// <summary>Prepares a page query: newest first by (at, seq), one row more than the page to detect a next page.</summary>
    public static void BuildQuery(SqliteCommand command, AuditQuery query, int pageSize)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_log WHERE tenant_id = @tenant");
        command.Parameters.AddWithValue("@tenant", query.TenantId);
        if (!string.IsNullOrEmpty(query.Action))
        {
            ActionFilter(sql, command, query.Action);
        }

        Equal(sql, command, "actor", "@actor", query.Actor);
        Equal(sql, command, "target_id", "@targetId", query.TargetId);
        if (query.From is { } from)
        {
            sql.Append(" AND at >= @from");
            command.Parameters.AddWithValue("@from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            sql.Append(" AND at < @to");
            command.Parameters.AddWithValue("@to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var cursor = AuditCursor.Decode(query.Cursor);
            sql.Append(" AND (at, seq) < (@cursorAt, @cursorSeq)");
            command.Parameters.AddWithValue("@cursorAt", cursor.At);
            command.Parameters.AddWithValue("@cursorSeq", cursor.Seq);
        }

        sql.Append(" ORDER BY at DESC, seq DESC LIMIT @limit");
        command.Parameters.AddWithValue("@limit", pageSize + 1);
        command.CommandText = sql.ToString();
    }

    /// <summary>Maps the current row of a reader over <see cref="Columns"/>; also returns its position for the cursor.</summary>
    public static (AuditEntry Entry, AuditCursor Position) Read(SqliteDataReader reader)
    {
        var entry = new AuditEntry
        {
            Id = reader.GetString(1),
            TenantId = reader.GetString(2),
            At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            Actor = reader.GetString(4),
            Action = reader.GetString(5),
            TargetType = reader.GetString(6),
            TargetId = reader.IsDBNull(7) ? null : reader.GetString(7),
            Outcome = reader.GetString(8),
            Detail = reader.IsDBNull(9) ? null : reader.GetString(9),
            Ip = reader.IsDBNull(10) ? null : reader.GetString(10),
        };
        return (entry, new AuditCursor(reader.GetInt64(3), reader.GetInt64(0)));
    }

    /// <summary>
    /// <c>workflow</c> selects <c>workflow</c> and <c>workflow.*</c>; <c>workflow.</c> selects <c>workflow.*</c>;
    /// a trailing <c>*</c> is a plain prefix. Ranges rather than LIKE: they use the (tenant_id, action) index and
    /// treat '%' and '_' literally.
    /// </summary>
    private static void ActionFilter(StringBuilder sql, SqliteCommand command, string action)
    {
        var prefix = action.EndsWith('*') ? action[..^1] : action.EndsWith('.') ? action : action + ".";
        sql.Append(" AND (action >= @actionPrefix AND action < @actionEnd");
        sql.Append(action.EndsWith('*') || action.EndsWith('.') ? ")" : " OR action = @action)");
        command.Parameters.AddWithValue("@actionPrefix", prefix);
        command.Parameters.AddWithValue("@actionEnd", prefix + char.ConvertFromUtf32(0x10FFFF));
        command.Parameters.AddWithValue("@action", action);
    }

    private static void Equal(StringBuilder sql, SqliteCommand command, string column, string parameter, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sql.Append(" AND ").Append(column).Append(" = ").Append(parameter);
            command.Parameters.AddWithValue(parameter, value);
        }
    }
}
