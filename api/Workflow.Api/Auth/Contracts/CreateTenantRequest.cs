namespace Workflow.Api.Auth.Contracts;

/// <summary>Body of <c>POST /api/admin/tenants</c>.</summary>
public sealed record CreateTenantRequest(string? Name, string? AdminUsername, string? AdminPassword, string? DisplayName = null);
