namespace Workflow.Api.Auth.Contracts;

/// <summary>Answer of <c>GET /api/auth/me</c>.</summary>
public sealed record CurrentUser(string Tenant, string Username, string[] Roles, bool SystemAdmin);
