using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Auth.Contracts;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Endpoints;

/// <summary><c>POST /api/admin/tenants</c>: system administrators create tenants with their first owner.</summary>
public static class TenantEndpoints
{
    private const int MaxDisplayNameLength = 200;

    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/tenants", CreateAsync).WithTags("Admin")
            .RequireAuthorization(Policies.SystemAdmin).Accepts<CreateTenantRequest>("application/json");
        return app;
    }

    public static async Task<Results<Created<TenantInfo>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IGrainFactory grains, PasswordHasher hasher, TimeProvider time, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (request, problem) = await AuthBody.ReadAsync<CreateTenantRequest>(context.Request, limits, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!IdentityNames.IsTenant(request!.Name))
        {
            return IdentityProblems.InvalidTenantName();
        }
        if (!IdentityNames.IsUsername(request.AdminUsername))
        {
            return IdentityProblems.InvalidUsername();
        }
        if (IdentityNames.PasswordProblem(request.AdminPassword) is { } weak)
        {
            return IdentityProblems.InvalidPassword(weak);
        }
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Name! : request.DisplayName.Trim();
        if (displayName.Length > MaxDisplayNameLength)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_display_name", "The request is not valid.",
                $"A display name has at most {MaxDisplayNameLength} characters.");
        }
        var tenant = grains.GetGrain<ITenantGrain>(request.Name!);
        if (await tenant.GetAsync() is not null)
        {
            return TenantExists(request.Name!);
        }
        var owner = new UserAccount
        {
            Username = request.AdminUsername!,
            UserId = Guid.NewGuid().ToString("N"),
            PasswordHash = hasher.Hash(request.AdminPassword!),
            Roles = [TenantRoles.Owner],
            CreatedAt = time.GetUtcNow(),
        };
        var result = await tenant.CreateAsync(displayName, owner);
        AuditTrail.Record(context, AuditActions.TenantCreate, "tenant", request.Name, result.Ok ? AuditOutcomes.Success : AuditOutcomes.Failed,
            result.Ok ? $"owner {owner.Username}" : "tenant_exists");
        if (!result.Ok)
        {
            return TenantExists(request.Name!);
        }
        return TypedResults.Created($"/api/admin/tenants/{request.Name}", await tenant.GetAsync());
    }

    private static ProblemHttpResult TenantExists(string name) =>
        ApiProblems.Problem(StatusCodes.Status409Conflict, "tenant_exists", "The tenant exists.", $"A tenant named '{name}' already exists.");
}
