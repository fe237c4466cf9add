namespace Workflow.Grains.Abstractions.History;

/// <summary>A page of executions, newest first.</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionRecord> Items, string? NextCursor);
