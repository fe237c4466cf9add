using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Workflow.Grains.Storage;

/// <summary>
/// Turns grain state into the <c>data</c> column. Our state is JSON without type names, so a renamed or moved type
/// still reads its old rows. Orleans' own state (stream pub/sub) is not written for System.Text.Json, so it goes
/// through Orleans' storage serializer and is stored as bytes.
/// </summary>
internal sealed class GrainStateSerializer(
    JsonSerializerOptions? jsonOptions,
    IGrainStorageSerializer? orleansSerializer,
    IActivatorProvider? activatorProvider)
{
    private readonly JsonSerializerOptions _json = jsonOptions ?? CreateDefaultJsonOptions();

    /// <summary>Creates the default JSON options: web defaults with enums as strings.</summary>
    public static JsonSerializerOptions CreateDefaultJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>
    /// Serializes <paramref name="state"/> to UTF-8 JSON (stored as a blob: no UTF-16 string on the way, nor a
    /// conversion back to UTF-8 when SQLite binds it), or with Orleans' serializer for Orleans' own state types.
    /// </summary>
    public byte[] Serialize<T>(T? state) =>
        UsesOrleansSerializer<T>() ? orleansSerializer!.Serialize(state).ToArray() : JsonSerializer.SerializeToUtf8Bytes(state, _json);

    /// <summary>
    /// Reads the <c>data</c> column written by <see cref="Serialize{T}"/>, or JSON text as rows written before the
    /// blob format hold it; a fresh state when it holds nothing.
    /// </summary>
    public T Deserialize<T>(object? data)
    {
        var state = data switch
        {
            null or DBNull => default,
            string json => JsonSerializer.Deserialize<T>(json, _json),
            byte[] bytes when UsesOrleansSerializer<T>() => orleansSerializer!.Deserialize<T>(new BinaryData(bytes)),
            byte[] utf8 => JsonSerializer.Deserialize<T>(utf8, _json),
            _ => throw new InvalidOperationException($"Stored state of type {data.GetType().Name} cannot be read as {typeof(T)}."),
        };
        return state ?? CreateEmpty<T>();
    }

    private bool UsesOrleansSerializer<T>() => orleansSerializer is not null && IsOrleansType(typeof(T));

    /// <summary>Creates the state of a grain that has none stored, the way Orleans would.</summary>
    public T CreateEmpty<T>()
    {
        if (activatorProvider is not null)
        {
            return activatorProvider.GetActivator<T>().Create();
        }

        return typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<T>()
            : JsonSerializer.Deserialize<T>("{}", _json)!;
    }

    private static bool IsOrleansType(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Orleans", StringComparison.Ordinal) == true;
}
