using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>
/// Where bearer tokens are read besides the <c>Authorization</c> header (the <c>access_token</c> query on
/// <c>/hubs/…</c>, the <c>wf_token</c> cookie on GET/HEAD), the "user still exists" check, and problem+json challenges.
/// </summary>
public sealed class WorkflowJwtEvents(AccountLookup accounts) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            return Task.CompletedTask;
        }
        if (request.Path.StartsWithSegments("/hubs") && request.Query[AuthSchemes.TokenQuery] is [{ Length: > 0 } queryToken])
        {
            context.Token = queryToken;
        }
        // The cookie is sent by the browser on its own, so it only authorizes reads: no cross-site request can change anything with it.
        else if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
                 request.Cookies[AuthSchemes.TokenCookie] is { Length: > 0 } cookieToken)
        {
            context.Token = cookieToken;
        }
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var user = context.Principal;
        var account = await accounts.FindActiveAsync(
            user?.FindFirst(WorkflowClaims.Tenant)?.Value, user?.FindFirst(WorkflowClaims.Subject)?.Value, user?.FindFirst(WorkflowClaims.UserId)?.Value);
        if (account is null)
        {
            context.Fail("The token's user does not exist (any more).");
        }
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        await AuthProblems.WriteUnauthenticatedAsync(context.HttpContext);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        AuthProblems.WriteForbiddenAsync(context.HttpContext, failure: null);
}
