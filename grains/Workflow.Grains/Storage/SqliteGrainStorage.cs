using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Workflow.Grains.Storage;

/// <summary>
/// Orleans grain storage in the embedded SQLite database, one row per grain state in <c>grain_state</c>, as UTF-8 JSON.
/// Writes go through the database's group-commit writer: when <c>WriteStateAsync</c> returns, the row is committed.
/// ETags are checked inside the writer, so a stale activation gets an <see cref="InconsistentStateException"/>.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage
{
    private const string AnyETag = "*";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly GrainStateSerializer _serializer;

    /// <summary>Initializes a new instance of the <see cref="SqliteGrainStorage"/> class.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="options">Storage options; supplies the JSON options of grain state.</param>
    /// <param name="timeProvider">The clock stamping <c>updated_at</c>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="orleansSerializer">Serializer for Orleans' own state types (stream pub/sub); null writes them as JSON too.</param>
    /// <param name="activatorProvider">Creates empty state the way Orleans does; null falls back to constructors.</param>
    public SqliteGrainStorage(
        SqliteDatabase database,
        IOptions<SqliteStorageOptions> options,
        TimeProvider timeProvider,
        ILogger<SqliteGrainStorage> logger,
        IGrainStorageSerializer? orleansSerializer = null,
        IActivatorProvider? activatorProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        _serializer = new GrainStateSerializer(options.Value.JsonSerializerOptions, orleansSerializer, activatorProvider);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE grain_type = @type AND grain_id = @id AND state_name = @name";
        BindKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            grainState.State = _serializer.CreateEmpty<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetString(0);
        try
        {
            grainState.State = _serializer.Deserialize<T>(reader.IsDBNull(1) ? null : reader.GetValue(1));
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException)
        {
            LogUnreadableState(error, stateName, grainId, typeof(T));
            throw;
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        // Serialized on the caller's thread: the writer only runs statements, and the grain may change its state
        // as soon as this method returns. The bytes go back to the pool once the write ran (or never will).
        var row = new StateRow(
            stateName,
            grainId,
            grainState.ETag,
            ETags.New(),
            _serializer.Serialize(grainState.State),
            grainState.State is IRecoverableState { NeedsRecovery: true },
            _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

        ETagConflict? conflict;
        try
        {
            conflict = await _database.WriteAsync(context => WriteRow(context, row), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            row.Data.Dispose();
        }

        if (conflict is not null)
        {
            LogETagConflict(stateName, grainId, conflict.Value.StoredETag, row.ExpectedETag);
            throw new InconsistentStateException(
                $"Version conflict writing state '{stateName}' of grain {grainId}.", conflict.Value.StoredETag, row.ExpectedETag);
        }

        grainState.ETag = row.NewETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;
        var conflict = await _database.WriteAsync(context => DeleteRow(context, stateName, grainId, expected), cancellationToken)
            .ConfigureAwait(false);
        if (conflict is not null)
        {
            LogETagConflict(stateName, grainId, conflict.Value.StoredETag, expected);
            throw new InconsistentStateException(
                $"Version conflict clearing state '{stateName}' of grain {grainId}.", conflict.Value.StoredETag, expected);
        }

        grainState.State = _serializer.CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// Lists the grains of one type whose state reported <see cref="IRecoverableState.NeedsRecovery"/> at its last
    /// write, so that a startup task can reactivate them after a crash.
    /// </summary>
    /// <param name="grainTypeName">The Orleans grain type name (<c>GrainId.Type.ToString()</c>), e.g. <c>execution</c>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>
    /// The grain keys (<c>GrainId.Key.ToString()</c>), ordered; <c>GrainId.Create(grainTypeName, key)</c> addresses
    /// the grain again (a Guid key is in the "N" format accepted by <see cref="Guid.Parse(string)"/>).
    /// </returns>
    public async Task<IReadOnlyList<string>> ListRecoverableAsync(string grainTypeName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainTypeName);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT grain_id FROM grain_state WHERE grain_type = @type AND active = 1 ORDER BY grain_id";
        command.Parameters.AddWithValue("@type", grainTypeName);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Runs in the writer. Returns null when written, or the stored ETag when the expected one did not match.</summary>
    private static ETagConflict? WriteRow(SqliteWriteContext context, StateRow row)
    {
        var sql = row.ExpectedETag switch
        {
            null => """
                INSERT INTO grain_state (grain_type, grain_id, state_name, etag, data, active, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING
                """,
            AnyETag => """
                INSERT INTO grain_state (grain_type, grain_id, state_name, etag, data, active, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (grain_type, grain_id, state_name) DO UPDATE SET
                    etag = excluded.etag, data = excluded.data, active = excluded.active, updated_at = excluded.updated_at
                """,
            _ => """
                UPDATE grain_state SET etag = ?4, data = ?5, active = ?6, updated_at = ?7
                WHERE grain_type = ?1 AND grain_id = ?2 AND state_name = ?3 AND etag = ?8
                """,
        };
        var statement = BindKey(context.Statement(sql), row.StateName, row.GrainId)
            .Bind(4, row.NewETag)
            .Bind(5, row.Data.Span)
            .Bind(6, row.Active ? 1 : 0)
            .Bind(7, row.UpdatedAt);
        if (row.ExpectedETag is not null and not AnyETag)
        {
            statement.Bind(8, row.ExpectedETag);
        }

        return statement.Execute() == 1 ? null : new ETagConflict(ReadETag(context, row.StateName, row.GrainId));
    }

    /// <summary>Runs in the writer. Returns null when deleted (or already absent as expected), else the stored ETag.</summary>
    private static ETagConflict? DeleteRow(SqliteWriteContext context, string stateName, GrainId grainId, string? expected)
    {
        if (expected is null)
        {
            var current = ReadETag(context, stateName, grainId);
            return current is null ? null : new ETagConflict(current);
        }

        var command = context.Command(expected == AnyETag
            ? "DELETE FROM grain_state WHERE grain_type = @type AND grain_id = @id AND state_name = @name"
            : "DELETE FROM grain_state WHERE grain_type = @type AND grain_id = @id AND state_name = @name AND etag = @expected");
        BindKey(command, stateName, grainId);
        if (expected != AnyETag)
        {
            command.Parameters.AddWithValue("@expected", expected);
        }

        return command.ExecuteNonQuery() == 1 || expected == AnyETag
            ? null
            : new ETagConflict(ReadETag(context, stateName, grainId));
    }

    private static string? ReadETag(SqliteWriteContext context, string stateName, GrainId grainId) =>
        BindKey(context.Statement("SELECT etag FROM grain_state WHERE grain_type = ?1 AND grain_id = ?2 AND state_name = ?3"), stateName, grainId)
            .QueryText();

    /// <summary>Binds the row key as <c>?1</c>-<c>?3</c>: the grain type and key as the UTF-8 bytes Orleans holds them in.</summary>
    private static SqliteStatement BindKey(SqliteStatement statement, string stateName, GrainId grainId) =>
        statement.BindUtf8(1, grainId.Type.AsSpan()).BindUtf8(2, grainId.Key.AsSpan()).Bind(3, stateName);

    private static void BindKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("@type", grainId.Type.ToString());
        command.Parameters.AddWithValue("@id", grainId.Key.ToString());
        command.Parameters.AddWithValue("@name", stateName);
    }

    private readonly record struct ETagConflict(string? StoredETag);

    private sealed record StateRow(
        string StateName, GrainId GrainId, string? ExpectedETag, string NewETag, SerializedState Data, bool Active, long UpdatedAt);
}
