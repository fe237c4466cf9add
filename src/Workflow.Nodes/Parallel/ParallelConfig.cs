namespace Workflow.Nodes.Parallel;

/// <summary>Config of <c>parallel</c>: none; every outgoing edge is a branch.</summary>
public sealed record ParallelConfig;
