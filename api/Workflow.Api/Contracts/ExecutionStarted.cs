namespace Workflow.Api.Contracts;

/// <summary>The 202 answer of starting an execution.</summary>
public sealed record ExecutionStarted(string ExecutionId);
