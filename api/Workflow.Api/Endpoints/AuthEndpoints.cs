using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Auth.Contracts;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Audit;

namespace Workflow.Api.Endpoints;

/// <summary><c>/api/auth</c>: sign in for a JWT, sign out of the browser cookie, who am I.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", TokenAsync).AllowAnonymous().Accepts<TokenRequest>("application/json");
        group.MapPost("/logout", Logout).AllowAnonymous();
        group.MapGet("/me", Me).RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <summary>
    /// Wrong password, unknown user and unknown tenant answer the same 401, and all run the password KDF, so neither
    /// the answer nor its timing tells which it was.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(
        HttpContext context, AccountLookup accounts, PasswordHasher hasher, TokenIssuer issuer, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (request, problem) = await AuthBody.ReadAsync<TokenRequest>(context.Request, limits, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(request!.Tenant) || string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_body", "The request body is not valid.",
                "tenant, username and password are required.");
        }
        var password = request.Password.Length > IdentityNames.MaxPasswordLength ? request.Password[..IdentityNames.MaxPasswordLength] : request.Password;
        var account = request.Password.Length > IdentityNames.MaxPasswordLength
            ? null
            : await accounts.FindAsync(request.Tenant.Trim().ToLowerInvariant(), request.Username.Trim().ToLowerInvariant());
        if (!hasher.Verify(password, account?.PasswordHash) || account is null)
        {
            if (account is not null)
            {
                // Only for existing accounts: an audit row per guessed tenant name would let anyone fill the log.
                AuditTrail.RecordFor(context, account.Tenant, account.Username, AuditActions.AuthLoginFailed, "user", account.Username, AuditOutcomes.Denied);
            }
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "invalid_credentials", "Sign-in failed.",
                "The tenant, username or password is wrong.");
        }
        var token = issuer.Issue(account);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Cookies.Append(AuthSchemes.TokenCookie, token.AccessToken, CookieOptions(context, token.ExpiresAt));
        return TypedResults.Ok(new TokenResponse(token.AccessToken, token.ExpiresAt));
    }

    public static NoContent Logout(HttpContext context)
    {
        context.Response.Cookies.Delete(AuthSchemes.TokenCookie, CookieOptions(context, expires: null));
        return TypedResults.NoContent();
    }

    public static Ok<CurrentUser> Me(HttpContext context) => TypedResults.Ok(new CurrentUser(
        TenantResolver.TenantOf(context),
        Caller.Username(context),
        context.User.FindAll(WorkflowClaims.Role).Select(c => c.Value).ToArray(),
        Caller.IsSystemAdmin(context.User)));

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
