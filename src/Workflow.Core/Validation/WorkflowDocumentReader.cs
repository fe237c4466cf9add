using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;
using Workflow.Core.Graph;

namespace Workflow.Core.Validation;

/// <summary>
/// Turns untrusted bytes into a <see cref="WorkflowDocument"/>, enforcing <see cref="WorkflowLimits"/> first:
/// size (<c>too_large</c>), nesting (<c>too_deep</c>, checked without recursion), well-formedness
/// (<c>invalid_json</c>, with line and position) and shape (<c>invalid_document</c>: unknown members, wrong types,
/// nulls where values are required, with the JSON path). Expected failures are results, never exceptions.
/// Run <see cref="WorkflowValidator"/> on the document afterwards.
/// </summary>
public static class WorkflowDocumentReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly ConcurrentDictionary<int, JsonSerializerOptions> OptionsByDepth = new();

    /// <summary>Reads a UTF-8 JSON document (a leading BOM is allowed).</summary>
    public static WorkflowReadResult Read(ReadOnlySpan<byte> utf8Json, WorkflowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (utf8Json.Length > limits.MaxDocumentBytes)
        {
            return TooLarge(limits, utf8Json.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes");
        }
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }
        if (!Utf8.IsValid(utf8Json))
        {
            // The reader does not check string contents; the serializer would blame the value's type instead.
            return WorkflowReadResult.Failure(ValidationCodes.InvalidJson, "Malformed JSON: the document is not valid UTF-8.");
        }
        var maxDepth = Math.Max(1, limits.MaxJsonDepth);
        if (JsonDepthScanner.Scan(utf8Json, maxDepth) is { } error)
        {
            return WorkflowReadResult.Failure(error);
        }
        try
        {
            var document = JsonSerializer.Deserialize<WorkflowDocument>(utf8Json, OptionsFor(maxDepth));
            return document is null
                ? WorkflowReadResult.Failure(ValidationCodes.InvalidDocument, "The document is null; expected a workflow object.")
                : CheckNoNullItems(document);
        }
        catch (JsonException ex)
        {
            var at = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return WorkflowReadResult.Failure(ValidationCodes.InvalidDocument,
                $"The document does not fit the workflow shape at '{ex.Path ?? "$"}'{at}: {DocumentErrorText.Describe(ex.Message)}");
        }
    }

    /// <summary>Reads an already parsed JSON value (e.g. bound by the web framework); size is measured re-serialised.</summary>
    public static WorkflowReadResult Read(JsonElement element, WorkflowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            return WorkflowReadResult.Failure(ValidationCodes.InvalidJson, "The request has no JSON document.");
        }
        // Depth first: serialising a pathologically deep value would itself fail.
        if (JsonDepthScanner.Scan(element, Math.Max(1, limits.MaxJsonDepth)) is { } error)
        {
            return WorkflowReadResult.Failure(error);
        }
        return Read(JsonSerializer.SerializeToUtf8Bytes(element), limits);
    }

    /// <summary>Reads a document from a stream, reading no more than one byte past <see cref="WorkflowLimits.MaxDocumentBytes"/>.</summary>
    public static async Task<WorkflowReadResult> ReadAsync(Stream utf8Json, WorkflowLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(limits);
        var cap = Math.Max(0, limits.MaxDocumentBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap)
                    {
                        return TooLarge(limits, "more bytes");
                    }
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await utf8Json.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length >= cap)
                {
                    return TooLarge(limits, "more bytes");
                }
            }
            return Read(buffer.AsSpan(0, length), limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static WorkflowReadResult TooLarge(WorkflowLimits limits, string size) =>
        WorkflowReadResult.Failure(ValidationCodes.TooLarge,
            $"The document has {size}; at most {limits.MaxDocumentBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes are allowed.");

    /// <summary>List items are not covered by nullable annotations, so <c>"nodes": [null]</c> is caught here.</summary>
    private static WorkflowReadResult CheckNoNullItems(WorkflowDocument document)
    {
        var definition = document.Definition;
        var nullAt = FirstNull("nodes", definition.Nodes) ?? FirstNull("edges", definition.Edges) ?? FirstNull("variables", definition.Variables);
        return nullAt is null
            ? WorkflowReadResult.Success(document)
            : WorkflowReadResult.Failure(ValidationCodes.InvalidDocument, $"The document does not fit the workflow shape at '$.definition.{nullAt}': null is not allowed here.");
    }

    private static string? FirstNull<T>(string name, IReadOnlyList<T> items) where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                return $"{name}[{i}]";
            }
        }
        return null;
    }

    /// <summary>
    /// <see cref="WorkflowJson.Options"/> plus null checks on non-nullable members and room for the configured depth
    /// (the scan has enforced the limit already).
    /// </summary>
    private static JsonSerializerOptions OptionsFor(int maxDepth) =>
        OptionsByDepth.GetOrAdd(Math.Max(maxDepth, WorkflowJson.MaxDepth), static depth =>
        {
            var options = new JsonSerializerOptions(WorkflowJson.Options)
            {
                RespectNullableAnnotations = true,
                MaxDepth = depth,
            };
            options.MakeReadOnly();
            return options;
        });
}
