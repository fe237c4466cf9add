namespace Workflow.Api.Contracts;

/// <summary>The answer of <c>POST /api/workflows/validate</c>.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings);
