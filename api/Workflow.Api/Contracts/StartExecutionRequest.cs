using System.Text.Json.Nodes;

namespace Workflow.Api.Contracts;

/// <summary>The body of <c>POST /api/workflows/{id}/executions</c>: <see cref="Input"/> becomes <c>trigger</c>.</summary>
public sealed record StartExecutionRequest(JsonObject? Input);
