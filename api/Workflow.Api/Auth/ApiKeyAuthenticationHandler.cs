using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: looks the key id up, compares SHA-256 hashes in constant time, and answers the
/// same claims the user's JWT would carry (with the user's current roles).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    AccountLookup accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        var key = values.Count == 1 ? values[0] : null;
        if (ApiKeyFormat.IdOf(key) is not { } id)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }
        var owner = await grains.GetGrain<IApiKeyGrain>(id).AuthenticateAsync(ApiKeyFormat.Hash(key!));
        if (owner is null || await accounts.FindActiveAsync(owner.Tenant, owner.Username, owner.UserId) is not { } account)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var principal = new ClaimsPrincipal(WorkflowClaims.CreateIdentity(account, AuthSchemes.ApiKey));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.ApiKey));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteUnauthenticatedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteForbiddenAsync(Context, failure: null);
}
