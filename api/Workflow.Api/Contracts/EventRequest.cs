using System.Text.Json.Nodes;

namespace Workflow.Api.Contracts;

/// <summary>The body of <c>POST /api/events</c>.</summary>
public sealed record EventRequest(string Type, string? Source, JsonNode? Data);
