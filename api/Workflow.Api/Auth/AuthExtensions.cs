using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Workflow.Api.Endpoints;

namespace Workflow.Api.Auth;

/// <summary>Wires authentication (JWT bearer and API keys), the role policies and the sign-in and user endpoints.</summary>
public static class AuthExtensions
{
    /// <summary>
    /// Registers the auth services. <paramref name="dataDirectory"/> holds the generated signing key
    /// (<c>keys/jwt-signing.key</c>) unless <c>Workflow:Auth:SigningKey</c> is set. Idempotent.
    /// </summary>
    public static IServiceCollection AddWorkflowAuth(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        if (services.Any(s => s.ServiceType == typeof(SigningKeyStore)))
        {
            return services;
        }
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var keyFile = Path.Combine(Path.GetFullPath(dataDirectory), "keys", SigningKeyStore.FileName);
        services.AddSingleton(sp => new SigningKeyStore(
            sp.GetRequiredService<IOptions<AuthOptions>>(), keyFile, sp.GetRequiredService<ILogger<SigningKeyStore>>()));
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccountLookup>();
        services.AddSingleton<AdminBootstrap>();
        services.AddSingleton<WorkflowJwtEvents>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey : AuthSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { })
            .AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.EventsType = typeof(WorkflowJwtEvents);
            });
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer)
            .Configure<IOptions<AuthOptions>, SigningKeyStore>((jwt, auth, keys) => jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Value.Issuer,
                ValidAudience = auth.Value.Audience,
                IssuerSigningKey = keys.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidTypes = ["JWT"],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = auth.Value.ClockSkew,
                NameClaimType = WorkflowClaims.Subject,
                RoleClaimType = WorkflowClaims.Role,
            });
        services.AddAuthorizationBuilder().AddWorkflowPolicies();
        return services;
    }

    /// <summary>Maps <c>/api/auth</c>, <c>/api/users</c> (with API keys) and <c>/api/admin/tenants</c>.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuthTokenEndpoints();
        app.MapUserEndpoints();
        app.MapApiKeyEndpoints();
        app.MapTenantEndpoints();
        return app;
    }
}
