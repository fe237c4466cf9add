using Microsoft.AspNetCore.Authorization;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// Met when the caller holds one of <see cref="AcceptedRoles"/> (or, when <see cref="SystemAdmin"/>, the
/// <c>sysadmin</c> claim). <see cref="Name"/> is the role a 403 names.
/// </summary>
public sealed class RoleRequirement(string name, IReadOnlyList<string> acceptedRoles, bool systemAdmin = false)
    : AuthorizationHandler<RoleRequirement>, IAuthorizationRequirement
{
    public string Name { get; } = name;

    public IReadOnlyList<string> AcceptedRoles { get; } = acceptedRoles;

    public bool SystemAdmin { get; } = systemAdmin;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        var user = context.User;
        var met = requirement.SystemAdmin
            ? Caller.IsSystemAdmin(user)
            : requirement.AcceptedRoles.Any(role => Caller.HasRole(user, role));
        if (met)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Any tenant role: reading.</summary>
    public static RoleRequirement Viewer { get; } = new(TenantRoles.Viewer, TenantRoles.All);
}
