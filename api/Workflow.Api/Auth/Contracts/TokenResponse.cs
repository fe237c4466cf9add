namespace Workflow.Api.Auth.Contracts;

/// <summary>Answer of <c>POST /api/auth/token</c>.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer");
