using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Workflow.Api.Auth;

/// <summary>Every 401 and 403 of the API as problem+json with a stable <c>code</c>.</summary>
public static class AuthProblems
{
    /// <summary>401 <c>unauthenticated</c> with a <c>WWW-Authenticate</c> challenge.</summary>
    public static async Task WriteUnauthenticatedAsync(HttpContext context)
    {
        // Handlers cache their result per request, so this does not validate the credentials again.
        var failure = (await context.AuthenticateAsync()).Failure;
        var apiKey = context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader);
        var (challenge, detail) = (apiKey, failure) switch
        {
            (true, _) => ($"{AuthSchemes.ApiKey} realm=\"workflow\"", "The API key is not valid."),
            (false, SecurityTokenExpiredException) => ("Bearer error=\"invalid_token\", error_description=\"The token expired\"", "The access token expired."),
            (false, not null) => ("Bearer error=\"invalid_token\"", "The access token is not valid."),
            _ => ("Bearer", $"Send a bearer token (POST /api/auth/token) or an {AuthSchemes.ApiKeyHeader} header."),
        };
        context.Response.Headers.WWWAuthenticate = challenge;
        await WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication is required.", detail, requiredRole: null);
    }

    /// <summary>403 <c>forbidden</c> naming the role the endpoint needs.</summary>
    public static Task WriteForbiddenAsync(HttpContext context, AuthorizationFailure? failure)
    {
        var role = failure?.FailedRequirements.OfType<RoleRequirement>().FirstOrDefault()?.Name;
        var detail = role switch
        {
            null => "The identity carries no tenant.",
            Policies.SystemAdmin => "This needs a system administrator.",
            _ => $"This needs the {role} role.",
        };
        return WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", "You are not allowed to do this.", detail, role);
    }

    private static Task WriteAsync(HttpContext context, int status, string code, string title, string detail, string? requiredRole)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://workflow.dev/problems/{code}" };
        problem.Extensions["code"] = code;
        if (requiredRole is not null)
        {
            problem.Extensions["requiredRole"] = requiredRole;
        }
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
