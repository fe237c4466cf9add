using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Webhooks;

/// <summary>Writes a <c>respond</c> node's output <c>{status, headers, body}</c> as the HTTP response.</summary>
public sealed class RespondResult(int status, JsonObject? headers, JsonNode? body) : IResult
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te",
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? [])
        {
            if (!Reserved.Contains(name) && value is JsonValue v)
            {
                response.Headers[name] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            }
        }
        if (body is null || status is 204 or 304)
        {
            return;
        }
        var isText = body.GetValueKind() == JsonValueKind.String;
        response.ContentType ??= isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
        await response.WriteAsync(isText ? body.GetValue<string>() : body.ToJsonString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
