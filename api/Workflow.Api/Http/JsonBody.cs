using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Workflow.Core.Validation;

namespace Workflow.Api.Http;

/// <summary>Reads a small JSON body with size and depth limits, before any deserialisation.</summary>
public static class JsonBody
{
    /// <summary>Reads the body as a JsonNode (null when empty), or returns the reason it was refused.</summary>
    public static async Task<(JsonNode? Node, ValidationError? Error)> ReadAsync(HttpRequest request, ApiLimits limits, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxInputBytes)
        {
            return (null, TooLarge(limits));
        }
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.WrittenCount + read > limits.MaxInputBytes)
                {
                    return (null, TooLarge(limits));
                }
                buffer.Write(chunk.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (buffer.WrittenCount == 0)
        {
            return (null, null);
        }
        try
        {
            var node = JsonNode.Parse(buffer.WrittenSpan, documentOptions: new JsonDocumentOptions { MaxDepth = limits.MaxInputDepth });
            return (node, null);
        }
        catch (JsonException ex) when (ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ValidationError("too_deep", $"The body nests deeper than {limits.MaxInputDepth} levels."));
        }
        catch (JsonException ex)
        {
            return (null, new ValidationError("invalid_json", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    private static ValidationError TooLarge(ApiLimits limits) =>
        new("too_large", $"The body is larger than {limits.MaxInputBytes:N0} bytes.");
}
