namespace Workflow.Api.Auth.Contracts;

/// <summary>Answer of <c>POST /api/users/{name}/api-keys</c>: the only time <see cref="Key"/> is ever shown.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Key, DateTimeOffset CreatedAt);
