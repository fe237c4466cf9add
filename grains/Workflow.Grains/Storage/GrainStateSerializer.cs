using System.Buffers;
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

    /// <summary>The serialization buffer of this thread (grows to the largest state it wrote, a few kilobytes).</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static JsonSerializerOptions? t_writerOwner;

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
    /// The bytes are in an array rented from the shared pool (an execution writes its state after every node):
    /// dispose the result once the row is written.
    /// </summary>
    public SerializedState Serialize<T>(T? state)
    {
        if (UsesOrleansSerializer<T>())
        {
            return SerializedState.CopyOf(orleansSerializer!.Serialize(state).ToMemory().Span);
        }
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        if (t_writer is null || !ReferenceEquals(t_writerOwner, _json))
        {
            // A writer carries the options it was made with: one per thread for the options of the last serializer.
            t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = _json.Encoder,
                Indented = _json.WriteIndented,
                MaxDepth = _json.MaxDepth,
            });
            t_writerOwner = _json;
        }
        var writer = t_writer;
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, state, _json);
        return SerializedState.CopyOf(buffer.WrittenSpan);
    }

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

    private bool UsesOrleansSerializer<T>() => orleansSerializer is not null && StateType<T>.IsOrleans;

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

    /// <summary>Whether a state type is Orleans' own, decided once per type (<c>Assembly.GetName</c> allocates).</summary>
    private static class StateType<T>
    {
        public static readonly bool IsOrleans = typeof(T).Assembly.GetName().Name?.StartsWith("Orleans", StringComparison.Ordinal) == true;
    }
}

/// <summary>A serialized grain state in an array rented from the shared pool; <see cref="Dispose"/> gives it back.</summary>
internal readonly struct SerializedState : IDisposable
{
    private readonly byte[] _rented;
    private readonly int _length;

    private SerializedState(byte[] rented, int length)
    {
        _rented = rented;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _rented.AsSpan(0, _length);

    public static SerializedState CopyOf(ReadOnlySpan<byte> bytes)
    {
        var rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(rented);
        return new SerializedState(rented, bytes.Length);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_rented);
}
