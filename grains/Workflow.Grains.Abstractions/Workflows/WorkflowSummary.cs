namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>A workflow as listed by <c>GET /api/workflows</c>.</summary>
[GenerateSerializer, Immutable, Alias("wf.WorkflowSummary")]
public sealed record WorkflowSummary
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string Status { get; init; } = "draft";
    [Id(3)] public int Version { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public string? Category { get; init; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }
}
