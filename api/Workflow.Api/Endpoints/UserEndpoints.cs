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

/// <summary><c>/api/users</c>: the users of the caller's tenant (admins and owners).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).Accepts<CreateUserRequest>("application/json");
        group.MapDelete("/{name}", DeleteAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<ItemsPage<UserSummary>>> ListAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(new ItemsPage<UserSummary>(await Tenant(context, grains).ListUsersAsync()));

    public static async Task<Results<Created<UserSummary>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IGrainFactory grains, PasswordHasher hasher, TimeProvider time, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (request, problem) = await AuthBody.ReadAsync<CreateUserRequest>(context.Request, limits, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!IdentityNames.IsUsername(request!.Username))
        {
            return IdentityProblems.InvalidUsername();
        }
        if (IdentityNames.PasswordProblem(request.Password) is { } weak)
        {
            return IdentityProblems.InvalidPassword(weak);
        }
        if (IdentityProblems.CheckRoles(request.Roles) is { } badRoles)
        {
            return badRoles;
        }
        if (request.Roles!.Contains(TenantRoles.Owner) && !Caller.IsOwner(context.User))
        {
            return IdentityProblems.OwnerRequired("Only an owner may grant the owner role.");
        }
        var account = new UserAccount
        {
            Username = request.Username!,
            UserId = Guid.NewGuid().ToString("N"),
            PasswordHash = hasher.Hash(request.Password!),
            Roles = TenantRoles.All.Where(request.Roles!.Contains).ToArray(),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await Tenant(context, grains).AddUserAsync(account);
        AuditTrail.Record(context, AuditActions.UserCreate, "user", account.Username, result.ErrorCode is null ? AuditOutcomes.Success : AuditOutcomes.Failed,
            result.ErrorCode ?? string.Join(",", account.Roles));
        return result.ErrorCode switch
        {
            null => TypedResults.Created($"/api/users/{account.Username}", account.ToSummary()),
            "user_exists" => ApiProblems.Problem(StatusCodes.Status409Conflict, "user_exists", "The username is taken.", result.ErrorMessage),
            _ => ApiProblems.NotFound("Tenant"),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, string name, IGrainFactory grains, AccountLookup accounts)
    {
        if (string.Equals(name, Caller.Username(context), StringComparison.Ordinal))
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "cannot_delete_self", "You cannot delete yourself.");
        }
        if (await accounts.FindAsync(TenantResolver.TenantOf(context), name) is not { } target)
        {
            return ApiProblems.NotFound("User");
        }
        if (IdentityProblems.CheckPrivileges(context.User, target) is { } denied)
        {
            return denied;
        }
        var result = await Tenant(context, grains).RemoveUserAsync(name);
        AuditTrail.Record(context, AuditActions.UserDelete, "user", name, result.ErrorCode is null ? AuditOutcomes.Success : AuditOutcomes.Failed, result.ErrorCode);
        return result.ErrorCode switch
        {
            null => TypedResults.NoContent(),
            "last_owner" => ApiProblems.Problem(StatusCodes.Status409Conflict, "last_owner", "The last owner of a tenant cannot be deleted."),
            _ => ApiProblems.NotFound("User"),
        };
    }

    private static ITenantGrain Tenant(HttpContext context, IGrainFactory grains) =>
        grains.GetGrain<ITenantGrain>(TenantResolver.TenantOf(context));
}
