using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Core.Nodes;

namespace Workflow.Api.Endpoints;

/// <summary><c>GET /api/nodes</c>: the node descriptors the designer builds its palette and forms from.</summary>
public static class NodeEndpoints
{
    public static IEndpointRouteBuilder MapNodeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/nodes", List).WithTags("Nodes").RequireAuthorization(Policies.Viewer);
        return app;
    }

    public static Ok<IReadOnlyList<NodeDescriptor>> List(NodeRegistry registry) => TypedResults.Ok(registry.Descriptors);
}
