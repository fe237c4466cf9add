using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Api.Auth;
using Workflow.Api.Endpoints;
using Workflow.Api.Http;
using Workflow.Api.Hubs;
using Workflow.Grains.Abstractions.Live;

namespace Workflow.Api.Hosting;

/// <summary>Registers and maps the HTTP API.</summary>
public static class WorkflowApiExtensions
{
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(ApiLimits.SectionName).Get<ApiLimits>() ?? new ApiLimits());
        services.AddTenantRateLimiting(configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions());
        var cors = configuration.GetSection(WorkflowCorsOptions.SectionName).Get<WorkflowCorsOptions>() ?? new WorkflowCorsOptions();
        services.AddCors(o => o.AddPolicy(WorkflowCorsOptions.PolicyName, policy =>
        {
            if (cors.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(cors.AllowedOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Location", "Retry-After");
            }
        }));
        services.AddProblemDetails();
        // The Orleans dashboard's routes are an ops UI, not part of the API the designer's types are generated from.
        services.AddOpenApi(o => o.ShouldInclude = description =>
            description.RelativePath?.StartsWith("dashboard", StringComparison.OrdinalIgnoreCase) != true);
        services.AddSignalR();
        services.TryAddSingleton<WatchLeaseCache>();
        services.AddSingleton<ExecutionEventBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<ExecutionEventBridge>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Numbers are numbers on the wire (the web default also accepts quoted ones, which the OpenAPI document
            // would then type as integer|string for the designer's generated types).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services;
    }

    /// <summary>The app property by which <c>UseAuthentication</c> tells WebApplication that authentication is in the pipeline.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static WebApplication MapWorkflowApi(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(WriteUnhandledAsync));
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseCors(WorkflowCorsOptions.PolicyName);
        // Rate limits are per tenant, so they apply after authentication tells who is calling and before any work.
        // Webhooks are anonymous to the API (each trigger checks its own signature or key), so they skip the
        // authentication handlers, which ran for every delivery to find no token (rate-limited per client IP as before).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(WebhookEndpoints.PathPrefix), branch => branch.UseAuthentication());
        // UseAuthentication marks the branch, not the app: without the app's mark WebApplication would add another
        // authentication middleware in front of everything (RateLimitTests checks that webhooks stay unauthenticated).
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapNodeEndpoints();
        app.MapWorkflowEndpoints();
        app.MapTriggerEndpoints();
        app.MapExecutionEndpoints();
        app.MapStatsEndpoints();
        app.MapCredentialEndpoints();
        app.MapAuditEndpoints();
        app.MapAuthEndpoints();
        app.MapEventEndpoints();
        app.MapWebhookEndpoints();
        app.MapHub<ExecutionHub>("/hubs/executions");
        return app;
    }

    /// <summary>Bad requests that slip past the handlers (e.g. malformed query values) still answer problem+json with a code.</summary>
    private static async Task WriteUnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, code) = error switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (413, "too_large"),
            BadHttpRequestException bad => (bad.StatusCode, "bad_request"),
            _ => (500, "internal_error"),
        };
        var result = ApiProblems.Problem(status, code, status == 500 ? "An unexpected error occurred." : "The request is not valid.",
            status == 500 ? null : error?.Message);
        await result.ExecuteAsync(context);
    }
}
