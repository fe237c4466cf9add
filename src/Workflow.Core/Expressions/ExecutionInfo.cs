namespace Workflow.Core.Expressions;

/// <summary>What an expression sees as <c>execution</c>.</summary>
public sealed record ExecutionInfo(string Id, Guid WorkflowId, DateTimeOffset StartedAt);
