using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Core.Execution;

/// <summary>Measures a node output's JSON size without keeping the bytes.</summary>
public static class OutputSize
{
    /// <summary>True when <paramref name="output"/> serialises to more than <paramref name="maxBytes"/> bytes.</summary>
    public static bool Exceeds(JsonNode? output, int maxBytes)
    {
        if (output is null or JsonValue)
        {
            // A scalar is bounded by its own size; strings are the only large scalars.
            return output is JsonValue v && v.TryGetValue<string>(out var s) && s.Length * 3L > maxBytes && Measure(output) > maxBytes;
        }
        return Measure(output) > maxBytes;
    }

    private static long Measure(JsonNode node)
    {
        var counter = new CountingWriter();
        using (var writer = new Utf8JsonWriter(counter))
        {
            node.WriteTo(writer);
        }
        return counter.Count;
    }

    /// <summary>An IBufferWriter that only counts; the bytes go to a per-thread scratch buffer nobody reads.</summary>
    private sealed class CountingWriter : IBufferWriter<byte>
    {
        [ThreadStatic]
        private static byte[]? t_scratch;

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint).Span;

        private static Memory<byte> Scratch(int sizeHint)
        {
            if (t_scratch is null || sizeHint > t_scratch.Length)
            {
                t_scratch = GC.AllocateUninitializedArray<byte>(Math.Max(4096, sizeHint));
            }
            return t_scratch;
        }
    }
}
