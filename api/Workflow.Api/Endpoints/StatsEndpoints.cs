using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Api.Endpoints;

/// <summary>Execution statistics of a workflow (counts, success rate, durations, per-node bottlenecks).</summary>
public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workflows/{id}/stats", GetAsync).WithTags("Workflows").RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <summary>
    /// Over the executions started in the last <paramref name="period"/> (default <c>24h</c>): 400 <c>invalid_period</c>
    /// for a bad period, 404 for a workflow the caller's tenant does not have.
    /// </summary>
    public static async Task<Results<Ok<WorkflowStats>, ProblemHttpResult>> GetAsync(
        HttpContext context, string id, IGrainFactory grains, IExecutionStatsStore stats, TimeProvider time,
        string? period = null, CancellationToken cancellationToken = default)
    {
        period ??= StatsPeriod.Default;
        if (!StatsPeriod.TryParse(period, out var span))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_period", "The period is not valid.",
                "Use a positive number and a unit m, h or d (for example 1h, 24h, 7d, 30d), at most 365 days.");
        }
        if (WorkflowEndpoints.Grain(context, id, grains) is not { } grain || await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var to = time.GetUtcNow();
        var query = new WorkflowStatsQuery(TenantResolver.TenantOf(context), Guid.Parse(id), to - span, to);
        return TypedResults.Ok(await stats.GetStatsAsync(query, cancellationToken) with { Period = period });
    }
}
