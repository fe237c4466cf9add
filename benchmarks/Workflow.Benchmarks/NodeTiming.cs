namespace Workflow.Benchmarks;

/// <summary>Server-side timestamps of one node of an execution.</summary>
public sealed record NodeTiming(string NodeId, string Status, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);
