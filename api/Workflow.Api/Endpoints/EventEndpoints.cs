using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Triggers.Events;

namespace Workflow.Api.Endpoints;

/// <summary><c>POST /api/events</c>: ingest an event; matching event triggers of the caller's tenant start.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", PublishAsync).WithTags("Events").RequireAuthorization(Policies.Operator).Accepts<EventRequest>("application/json");
        return app;
    }

    /// <summary>
    /// Publishes <c>{type, source, data}</c> on the tenant's event stream and answers 202 with the executions it
    /// started: <c>{started, executionIds}</c>. The data is stored and passed on as is, never evaluated.
    /// </summary>
    public static async Task<Results<Accepted<JsonObject>, ProblemHttpResult>> PublishAsync(
        HttpContext context, IGrainFactory grains, ApiLimits limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, limits, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.FromReadError(error);
        }
        if (body is not JsonObject message || Text(message["type"]) is not { } type || type.Trim().Length == 0 ||
            (message["source"] is not null && Text(message["source"]) is null))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_event", "The event is not valid.",
                "The body must be an object like {\"type\": \"order.completed\", \"source\": \"shop\", \"data\": {…}} with a non-empty string type.");
        }
        var tenant = TenantResolver.TenantOf(context);
        var result = await grains.GetGrain<IEventIngressGrain>(tenant).PublishAsync(new EventMessage
        {
            Type = type,
            Source = Text(message["source"]),
            DataJson = message["data"]?.ToJsonString(),
            ReceivedAt = time.GetUtcNow(),
        });
        foreach (var executionId in result.ExecutionIds)
        {
            AuditTrail.Record(context, AuditActions.ExecutionStart, "execution", executionId, detail: $"event {type}");
        }
        return TypedResults.Accepted((string?)null, new JsonObject
        {
            ["started"] = result.ExecutionIds.Count,
            ["executionIds"] = new JsonArray(result.ExecutionIds.Select(id => (JsonNode?)id).ToArray()),
        });
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
