using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>The 400 and 403 answers of the user, key and tenant endpoints.</summary>
public static class IdentityProblems
{
    public static ProblemHttpResult InvalidUsername() => Bad("invalid_username",
        "A username has 1–64 lowercase letters, digits or . _ @ -, and starts with a letter or digit.");

    public static ProblemHttpResult InvalidTenantName() => Bad("invalid_tenant_name",
        "A tenant name has 1–63 lowercase letters, digits or -, and starts with a letter or digit.");

    public static ProblemHttpResult InvalidPassword(string detail) => Bad("invalid_password", detail);

    public static ProblemHttpResult OwnerRequired(string detail) =>
        ApiProblems.Problem(StatusCodes.Status403Forbidden, "owner_required", "Only an owner may do this.", detail);

    /// <summary>A problem when <paramref name="roles"/> is empty or names an unknown role, else null.</summary>
    public static ProblemHttpResult? CheckRoles(string?[]? roles)
    {
        if (roles is null or [])
        {
            return Bad("invalid_roles", $"Give at least one role of: {string.Join(", ", TenantRoles.All)}.");
        }
        var unknown = roles.Where(r => r is null || !TenantRoles.IsKnown(r)).ToArray();
        return unknown.Length == 0
            ? null
            : Bad("invalid_roles", $"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; roles are {string.Join(", ", TenantRoles.All)}.");
    }

    /// <summary>
    /// Acting on <paramref name="target"/> (deleting it, minting a key for it) must not exceed the caller's own
    /// privileges: an owner needs an owner, a system administrator needs a system administrator.
    /// </summary>
    public static ProblemHttpResult? CheckPrivileges(ClaimsPrincipal caller, UserAccount target)
    {
        if (target.Roles.Contains(TenantRoles.Owner) && !Caller.IsOwner(caller))
        {
            return OwnerRequired("Only an owner may do this to an owner.");
        }
        if (target.SystemAdmin && !Caller.IsSystemAdmin(caller))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "sysadmin_required", "Only a system administrator may do this.",
                "The user is a system administrator.");
        }
        return null;
    }

    private static ProblemHttpResult Bad(string code, string detail) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, code, "The request is not valid.", detail);
}
