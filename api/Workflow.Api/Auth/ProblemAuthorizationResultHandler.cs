using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>Answers failed authorization with problem+json (401 <c>unauthenticated</c>, 403 <c>forbidden</c>) instead of empty bodies.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            return AuthProblems.WriteUnauthenticatedAsync(context);
        }
        if (authorizeResult.Forbidden)
        {
            if (context.User.FindFirst(Http.TenantResolver.ClaimType) is not null)
            {
                Http.AuditTrail.Record(context, Grains.Abstractions.Audit.AuditActions.AuthDenied, "route",
                    $"{context.Request.Method} {context.Request.Path}", Grains.Abstractions.Audit.AuditOutcomes.Denied,
                    "needs " + string.Join(",", policy.Requirements.OfType<RoleRequirement>().Select(r => r.Name)));
            }
            return AuthProblems.WriteForbiddenAsync(context, authorizeResult.AuthorizationFailure);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
