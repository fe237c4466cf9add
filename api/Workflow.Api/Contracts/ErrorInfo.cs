namespace Workflow.Api.Contracts;

/// <summary>An execution's or node's error.</summary>
public sealed record ErrorInfo(string Code, string Message, string? NodeId = null);
