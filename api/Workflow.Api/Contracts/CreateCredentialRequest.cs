using System.Text.Json.Nodes;

namespace Workflow.Api.Contracts;

/// <summary>The body of <c>POST /api/credentials</c>; <see cref="Data"/> holds the secret fields of the type.</summary>
public sealed record CreateCredentialRequest(string Name, string Type, JsonObject Data);
