using Microsoft.AspNetCore.Http;
using Workflow.Grains.Abstractions;

namespace Workflow.Api.Http;

/// <summary>
/// The tenant of a request. It comes only from the authenticated identity (claim <c>tenant</c>), never from a
/// request parameter; without one it is <c>default</c>.
/// </summary>
public static class TenantResolver
{
    public const string ClaimType = "tenant";

    public static string TenantOf(HttpContext context) =>
        context.User.FindFirst(ClaimType)?.Value is { Length: > 0 } tenant ? tenant : GrainKeys.DefaultTenant;
}
