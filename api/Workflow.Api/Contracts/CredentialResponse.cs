namespace Workflow.Api.Contracts;

/// <summary>A credential's metadata; its data is write-only and never returned.</summary>
public sealed record CredentialResponse(Guid Id, string Name, string Type, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
