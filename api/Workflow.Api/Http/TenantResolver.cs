using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Http;

/// <summary>
/// The tenant of a request. It comes only from the authenticated identity (claim <c>tenant</c>), never from a
/// request parameter. The authorization policies let no principal without one reach a handler, so a missing claim
/// here is a bug (an endpoint without authorization), answered with an exception rather than a guess.
/// </summary>
public static class TenantResolver
{
    public const string ClaimType = "tenant";

    public static string TenantOf(HttpContext context) =>
        context.User.FindFirst(ClaimType)?.Value is { Length: > 0 } tenant
            ? tenant
            : throw new InvalidOperationException("The request has no authenticated tenant; the endpoint must require authorization.");
}
