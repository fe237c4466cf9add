namespace Workflow.Core.Validation;

/// <summary>One problem found in a workflow document, with a stable <see cref="Code"/>.</summary>
public sealed record ValidationError(string Code, string Message, string? NodeId = null, string? EdgeId = null);
