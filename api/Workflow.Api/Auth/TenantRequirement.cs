using Microsoft.AspNetCore.Authorization;

namespace Workflow.Api.Auth;

/// <summary>
/// Met only by an authenticated identity carrying a tenant and a user: nothing tenant-scoped ever runs for a
/// principal without them.
/// </summary>
public sealed class TenantRequirement : AuthorizationHandler<TenantRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true &&
            !string.IsNullOrEmpty(user.FindFirst(WorkflowClaims.Tenant)?.Value) &&
            !string.IsNullOrEmpty(user.FindFirst(WorkflowClaims.Subject)?.Value))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
