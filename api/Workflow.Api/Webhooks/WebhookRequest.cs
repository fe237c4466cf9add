using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Api.Webhooks;

/// <summary>
/// Reads a webhook request (raw body within the size limit) and turns it into trigger data
/// <c>{method, body, headers, query}</c>. The body is data: JSON when the content type says so, else text.
/// </summary>
public static class WebhookRequest
{
    /// <summary>The raw body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        if (request.ContentLength is { } length)
        {
            // The server enforces Content-Length, so one exact buffer holds the whole body.
            var exact = new byte[length];
            var offset = 0;
            int n;
            while (offset < exact.Length && (n = await request.Body.ReadAsync(exact.AsMemory(offset), cancellationToken)) > 0)
            {
                offset += n;
            }
            return offset == exact.Length ? exact : exact[..offset];
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        int read;
        while ((read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken)) > 0)
        {
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The trigger data, or the reason the body is refused (<c>invalid_json</c>).</summary>
    public static (JsonObject? Data, string? Error) ToTriggerData(HttpRequest request, byte[] body, WebhookRegistration registration, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(limits);
        JsonNode? parsed = null;
        if (body.Length > 0)
        {
            if (IsJson(request.ContentType))
            {
                try
                {
                    parsed = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = limits.MaxInputDepth });
                }
                catch (JsonException ex)
                {
                    return (null, $"The body is not valid JSON: {ex.Message}");
                }
            }
            else
            {
                parsed = Encoding.UTF8.GetString(body);
            }
        }
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (!IsHidden(lower, registration))
            {
                headers[lower] = values.Count == 1 ? values[0] : values.ToString();
            }
        }
        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }
        return (new JsonObject { ["method"] = request.Method, ["body"] = parsed, ["headers"] = headers, ["query"] = query }, null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Credentials never reach trigger data (and so never the execution history).</summary>
    private static bool IsHidden(string lowerName, WebhookRegistration registration) => lowerName switch
    {
        "authorization" or "cookie" or "x-api-key" or "proxy-authorization" or WebhookAuth.SignatureHeader => true,
        _ => registration.ApiKeyHeader is { } header && lowerName.Equals(header, StringComparison.OrdinalIgnoreCase),
    };
}
