namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>One saved version of a workflow.</summary>
[GenerateSerializer, Immutable, Alias("wf.WorkflowVersionInfo")]
public sealed record WorkflowVersionInfo([property: Id(0)] int Version, [property: Id(1)] DateTimeOffset SavedAt);
