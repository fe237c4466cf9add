namespace Workflow.Api.Auth.Contracts;

/// <summary>Body of <c>POST /api/auth/token</c>.</summary>
public sealed record TokenRequest(string? Tenant, string? Username, string? Password);
