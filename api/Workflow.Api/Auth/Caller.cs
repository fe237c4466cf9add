using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>Who is calling: read from the authenticated identity only.</summary>
public static class Caller
{
    /// <summary>The caller's username (claim <c>sub</c>).</summary>
    public static string Username(HttpContext context) =>
        context.User.FindFirst(WorkflowClaims.Subject)?.Value ?? throw new InvalidOperationException("The request has no authenticated user.");

    /// <summary>True when the caller holds <paramref name="role"/>.</summary>
    public static bool HasRole(ClaimsPrincipal user, string role) => user.HasClaim(WorkflowClaims.Role, role);

    /// <summary>True for owners.</summary>
    public static bool IsOwner(ClaimsPrincipal user) => HasRole(user, TenantRoles.Owner);

    /// <summary>True for admins and owners (user management).</summary>
    public static bool IsAdmin(ClaimsPrincipal user) => HasRole(user, TenantRoles.Admin) || IsOwner(user);

    /// <summary>True for system administrators.</summary>
    public static bool IsSystemAdmin(ClaimsPrincipal user) => user.HasClaim(WorkflowClaims.SystemAdmin, "true");
}
