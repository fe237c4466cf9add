using Microsoft.AspNetCore.Authorization;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// The authorization policies, the one place roles are checked. viewer = any tenant role; editor = editor|owner;
/// operator = operator|owner; admin = admin|owner; owner = owner; sysadmin = the <c>sysadmin</c> claim. Every
/// policy, and the fallback for endpoints that name none, also needs an authenticated tenant and user.
/// </summary>
public static class Policies
{
    public const string Viewer = TenantRoles.Viewer;
    public const string Editor = TenantRoles.Editor;
    public const string Operator = TenantRoles.Operator;
    public const string Admin = TenantRoles.Admin;
    public const string Owner = TenantRoles.Owner;
    public const string SystemAdmin = "sysadmin";

    /// <summary>Adds the policies and makes "authenticated with a tenant" the default and the fallback.</summary>
    public static AuthorizationBuilder AddWorkflowPolicies(this AuthorizationBuilder builder)
    {
        var authenticated = Authenticated().Build();
        builder.SetDefaultPolicy(authenticated);
        builder.SetFallbackPolicy(authenticated);
        builder.AddPolicy(Viewer, Authenticated().AddRequirements(RoleRequirement.Viewer).Build());
        builder.AddPolicy(Editor, Roles(Editor, TenantRoles.Editor, TenantRoles.Owner));
        builder.AddPolicy(Operator, Roles(Operator, TenantRoles.Operator, TenantRoles.Owner));
        builder.AddPolicy(Admin, Roles(Admin, TenantRoles.Admin, TenantRoles.Owner));
        builder.AddPolicy(Owner, Roles(Owner, TenantRoles.Owner));
        builder.AddPolicy(SystemAdmin, Authenticated().AddRequirements(new RoleRequirement(SystemAdmin, [], systemAdmin: true)).Build());
        return builder;
    }

    private static AuthorizationPolicy Roles(string name, params string[] accepted) =>
        Authenticated().AddRequirements(new RoleRequirement(name, accepted)).Build();

    private static AuthorizationPolicyBuilder Authenticated() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new TenantRequirement());
}
