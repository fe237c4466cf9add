namespace Workflow.Grains.Abstractions.Executions;

/// <summary>An execution's or node's error.</summary>
[GenerateSerializer, Immutable, Alias("wf.ExecutionErrorView")]
public sealed record ExecutionErrorView([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? NodeId);
