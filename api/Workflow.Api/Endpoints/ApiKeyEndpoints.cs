using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Auth.Contracts;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Endpoints;

/// <summary>
/// <c>/api/users/{name}/api-keys</c>: a user manages their own keys; admins and owners manage those of their tenant's
/// users, but never mint a key that carries more privilege than their own.
/// </summary>
public static class ApiKeyEndpoints
{
    private const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users/{name}/api-keys").WithTags("Users").RequireAuthorization(Policies.Viewer);
        group.MapPost("/", CreateAsync).Accepts<CreateApiKeyRequest>("application/json");
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        HttpContext context, string name, IGrainFactory grains, AccountLookup accounts, TimeProvider time, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (target, denied) = await TargetAsync(context, name, accounts);
        if (denied is not null)
        {
            return denied;
        }
        if (!IsSelf(context, name) && IdentityProblems.CheckPrivileges(context.User, target!) is { } escalation)
        {
            return escalation;
        }
        var (request, problem) = await AuthBody.ReadAsync<CreateApiKeyRequest>(context.Request, limits, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var keyName = request!.Name?.Trim();
        if (string.IsNullOrEmpty(keyName) || keyName.Length > MaxNameLength)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_name", "The request is not valid.",
                $"An API key needs a name of 1–{MaxNameLength} characters.");
        }
        var user = grains.GetGrain<IUserGrain>(GrainKeys.For(target!.Tenant, target.Username));
        var createdAt = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (id, key) = ApiKeyFormat.Generate();
            var result = await user.AddApiKeyAsync(new ApiKeyRecord { Id = id, Name = keyName, Hash = ApiKeyFormat.Hash(key), CreatedAt = createdAt });
            switch (result.ErrorCode)
            {
                case null:
                    AuditTrail.Record(context, AuditActions.ApiKeyCreate, "apikey", id, detail: $"{target.Username}: {keyName}");
                    context.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Created($"/api/users/{target.Username}/api-keys/{id}", new CreatedApiKey(id, keyName, key, createdAt));
                case "too_many_api_keys":
                    return ApiProblems.Problem(StatusCodes.Status409Conflict, "too_many_api_keys", "The user holds too many API keys.", result.ErrorMessage);
                case "not_found":
                    return ApiProblems.NotFound("User");
            }
        }
        throw new InvalidOperationException("Could not allocate an unused API key id.");
    }

    public static async Task<Results<Ok<ItemsPage<ApiKeyInfo>>, ProblemHttpResult>> ListAsync(
        HttpContext context, string name, IGrainFactory grains, AccountLookup accounts)
    {
        var (target, denied) = await TargetAsync(context, name, accounts);
        if (denied is not null)
        {
            return denied;
        }
        var keys = await grains.GetGrain<IUserGrain>(GrainKeys.For(target!.Tenant, target.Username)).ListApiKeysAsync();
        return TypedResults.Ok(new ItemsPage<ApiKeyInfo>(keys));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, string name, string id, IGrainFactory grains, AccountLookup accounts)
    {
        var (target, denied) = await TargetAsync(context, name, accounts);
        if (denied is not null)
        {
            return denied;
        }
        var removed = ApiKeyFormat.IsId(id) &&
            await grains.GetGrain<IUserGrain>(GrainKeys.For(target!.Tenant, target.Username)).RemoveApiKeyAsync(id);
        if (removed)
        {
            AuditTrail.Record(context, AuditActions.ApiKeyDelete, "apikey", id, detail: target!.Username);
        }
        return removed ? TypedResults.NoContent() : ApiProblems.NotFound("API key");
    }

    /// <summary>The user whose keys are managed, when the caller may manage them; the same tenant only.</summary>
    private static async Task<(UserAccount? Target, ProblemHttpResult? Problem)> TargetAsync(HttpContext context, string name, AccountLookup accounts)
    {
        if (!IsSelf(context, name) && !Caller.IsAdmin(context.User))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "forbidden", "You are not allowed to do this.",
                "Only admins and owners manage other users' API keys."));
        }
        var target = await accounts.FindAsync(TenantResolver.TenantOf(context), name);
        return target is null ? (null, ApiProblems.NotFound("User")) : (target, null);
    }

    private static bool IsSelf(HttpContext context, string name) => string.Equals(name, Caller.Username(context), StringComparison.Ordinal);
}
