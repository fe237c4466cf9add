namespace Workflow.Api.Contracts;

/// <summary>One validation error or warning.</summary>
public sealed record ValidationIssue(string Code, string Message, string? NodeId, string? EdgeId);
