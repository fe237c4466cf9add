using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Workflow.Api.Auth;

/// <summary>Authentication scheme names and where credentials come from.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="ApiKey"/> when <see cref="ApiKeyHeader"/> is present, else to <see cref="Bearer"/>.</summary>
    public const string Default = "Workflow";

    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    public const string ApiKey = "ApiKey";

    /// <summary>The header machine clients send their API key in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The cookie the token endpoint sets so a browser can open <c>/dashboard</c>; accepted on GET and HEAD only.</summary>
    public const string TokenCookie = "wf_token";

    /// <summary>The query parameter SignalR clients send the token in; accepted on <c>/hubs/…</c> only.</summary>
    public const string TokenQuery = "access_token";
}
