using Microsoft.Data.Sqlite;

namespace Workflow.Grains.Storage;

/// <summary>
/// What a write operation sees inside the writer's open transaction. Commands are cached per SQL text so that
/// SQLite compiles each statement once for the lifetime of the writer connection.
/// </summary>
internal sealed class SqliteWriteContext(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>Gets the writer connection.</summary>
    public SqliteConnection Connection => connection;

    /// <summary>Gets or sets the transaction of the batch being written.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>Returns the cached command for <paramref name="sql"/>, enlisted in the batch, with no parameters.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Returns the cached raw statement for <paramref name="sql"/> (positional parameters), nothing bound.</summary>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _commands.Clear();
        _statements.Clear();
    }
}
