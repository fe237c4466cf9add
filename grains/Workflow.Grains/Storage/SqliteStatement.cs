using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Workflow.Grains.Storage;

/// <summary>
/// A statement of the writer's hottest paths (grain state rows: four per webhook execution), prepared once on the
/// writer connection and bound through SQLitePCL directly. Microsoft.Data.Sqlite allocates a parameter and a binder
/// per value and a data reader per execution (7 % of what the silo allocated under webhook load); here values go
/// straight from spans into SQLite. Runs inside the writer's transaction like the writer's cached commands.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Binds a parameter by its 1-based position (<c>?1</c>, <c>?2</c>, … in the SQL).</summary>
    public SqliteStatement Bind(int position, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, position) : raw.sqlite3_bind_text16(_statement, position, value.AsSpan()));
        return this;
    }

    /// <summary>Binds UTF-8 text (an Orleans grain type or key as it is held, without making a string of it).</summary>
    public SqliteStatement BindUtf8(int position, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_text(_statement, position, value));
        return this;
    }

    public SqliteStatement Bind(int position, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, position, value));
        return this;
    }

    /// <summary>Binds a blob (SQLite copies it).</summary>
    public SqliteStatement Bind(int position, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, position, value));
        return this;
    }

    /// <summary>Runs the statement and returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result is not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            Clear();
        }
    }

    /// <summary>Runs a query and returns the text of the first column of its first row, or null without a row.</summary>
    public string? QueryText()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, 0).utf8_to_string();
            }
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
            return null;
        }
        finally
        {
            Clear();
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Clear()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
