using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Audit;

namespace Workflow.Api.Endpoints;

/// <summary><c>GET /api/audit</c>: the caller's tenant's audit trail, newest first, for admins.</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the audit endpoint (policy <c>admin</c>).</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization("admin");
        group.MapGet("/", ListAsync);
        return group;
    }

    /// <summary>
    /// Filters: <c>action</c> (by segments: <c>workflow</c> = every workflow action; trailing <c>*</c> = plain
    /// prefix), <c>actor</c>, <c>targetId</c>, <c>from</c> (inclusive), <c>to</c> (exclusive); <c>limit</c> 1..500
    /// (default 50) and <c>cursor</c> from the previous page.
    /// </summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        HttpContext context, IAuditLog audit, string? action = null, string? actor = null, string? targetId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        // Entries are written in batches; flushing first lets an admin see what just happened.
        await audit.FlushAsync(cancellationToken);
        AuditPage page;
        try
        {
            page = await audit.QueryAsync(new AuditQuery
            {
                TenantId = TenantResolver.TenantOf(context),
                Action = action,
                Actor = actor,
                TargetId = targetId,
                From = from,
                To = to,
                Limit = limit ?? 50,
                Cursor = cursor,
            }, cancellationToken);
        }
        catch (ArgumentException)
        {
            return ApiProblems.InvalidCursor();
        }

        var items = new JsonArray(page.Items.Select(entry => (JsonNode?)new JsonObject
        {
            ["id"] = entry.Id,
            ["at"] = entry.At,
            ["actor"] = entry.Actor,
            ["action"] = entry.Action,
            ["targetType"] = entry.TargetType,
            ["targetId"] = entry.TargetId,
            ["outcome"] = entry.Outcome,
            ["detail"] = entry.Detail,
            ["ip"] = entry.Ip,
        }).ToArray());
        return TypedResults.Ok(ApiLists.Page(items, page.NextCursor));
    }
}
