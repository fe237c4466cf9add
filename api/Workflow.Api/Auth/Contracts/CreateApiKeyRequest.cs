namespace Workflow.Api.Auth.Contracts;

/// <summary>Body of <c>POST /api/users/{name}/api-keys</c>.</summary>
public sealed record CreateApiKeyRequest(string? Name);
