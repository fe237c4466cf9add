using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>
/// Orleans reminder table in the embedded SQLite database (<c>reminder</c>). Rows carry the grain's uniform hash so
/// that each silo reads the reminders of its part of the ring with an index range scan.
/// </summary>
public sealed partial class SqliteReminderTable : IReminderTable
{
    private const string SelectColumns = "SELECT grain_id, reminder_name, start_at, period, etag FROM reminder";

    private readonly SqliteDatabase _database;
    private readonly ILogger<SqliteReminderTable> _logger;

    /// <summary>Initializes a new instance of the <see cref="SqliteReminderTable"/> class.</summary>
    /// <param name="database">The shared database; its tables exist once it is constructed.</param>
    /// <param name="logger">The logger.</param>
    public SqliteReminderTable(SqliteDatabase database, ILogger<SqliteReminderTable> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync($"{SelectColumns} WHERE grain_id = @grain", command => command.Parameters.AddWithValue("@grain", grainId.ToString()));

    /// <inheritdoc />
    /// <remarks>The range is (begin, end]; when <paramref name="begin"/> ≥ <paramref name="end"/> it wraps around the ring.</remarks>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var condition = begin < end
            ? "grain_hash > @begin AND grain_hash <= @end"
            : "(grain_hash > @begin OR grain_hash <= @end)";
        return QueryAsync($"{SelectColumns} WHERE {condition}", command =>
        {
            command.Parameters.AddWithValue("@begin", (long)begin);
            command.Parameters.AddWithValue("@end", (long)end);
        });
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync($"{SelectColumns} WHERE grain_id = @grain AND reminder_name = @name", command =>
        {
            command.Parameters.AddWithValue("@grain", grainId.ToString());
            command.Parameters.AddWithValue("@name", reminderName);
        }).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = ETags.New();
        var grainId = entry.GrainId.ToString();
        var hash = (long)entry.GrainId.GetUniformHashCode();
        var startAt = ToUtc(entry.StartAt).Ticks;
        var period = entry.Period.Ticks;
        var name = entry.ReminderName;
        await _database.WriteAsync(
            context =>
            {
                var command = context.Command("""
                    INSERT INTO reminder (grain_id, reminder_name, grain_hash, start_at, period, etag)
                    VALUES (@grain, @name, @hash, @start, @period, @etag)
                    ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                        grain_hash = excluded.grain_hash, start_at = excluded.start_at,
                        period = excluded.period, etag = excluded.etag
                    """);
                command.Parameters.AddWithValue("@grain", grainId);
                command.Parameters.AddWithValue("@name", name);
                command.Parameters.AddWithValue("@hash", hash);
                command.Parameters.AddWithValue("@start", startAt);
                command.Parameters.AddWithValue("@period", period);
                command.Parameters.AddWithValue("@etag", etag);
                return command.ExecuteNonQuery();
            },
            CancellationToken.None).ConfigureAwait(false);
        LogUpserted(entry.GrainId, name);
        return etag;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var grain = grainId.ToString();
        var removed = await _database.WriteAsync(
            context =>
            {
                var command = context.Command("DELETE FROM reminder WHERE grain_id = @grain AND reminder_name = @name AND etag = @etag");
                command.Parameters.AddWithValue("@grain", grain);
                command.Parameters.AddWithValue("@name", reminderName);
                command.Parameters.AddWithValue("@etag", eTag);
                return command.ExecuteNonQuery() > 0;
            },
            CancellationToken.None).ConfigureAwait(false);
        if (!removed)
        {
            LogRemoveMissed(grainId, reminderName);
        }

        return removed;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() =>
        _database.WriteAsync(context => context.Command("DELETE FROM reminder").ExecuteNonQuery(), CancellationToken.None);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = await _database.OpenReadConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return new ReminderTableData(entries);
    }
}
