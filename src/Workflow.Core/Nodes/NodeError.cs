namespace Workflow.Core.Nodes;

/// <summary>A node failure with a stable code. <see cref="Retryable"/> failures obey the retry policy.</summary>
public sealed record NodeError(string Code, string Message, bool Retryable = false);
