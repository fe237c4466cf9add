namespace Workflow.Api.Auth;

/// <summary>An access token and when it expires.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
