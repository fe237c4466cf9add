namespace Workflow.Api.Auth.Contracts;

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(string? Username, string? Password, string[]? Roles);
