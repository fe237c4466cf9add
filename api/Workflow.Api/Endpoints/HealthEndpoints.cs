using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Workflow.Api.Endpoints;

/// <summary><c>GET /health</c>: answers once the silo and API are up.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Get).WithTags("Ops").AllowAnonymous();
        return app;
    }

    public static Ok<HealthStatus> Get(IClusterClient client) => TypedResults.Ok(new HealthStatus("ok"));
}

/// <summary>The health answer.</summary>
public sealed record HealthStatus(string Status);
