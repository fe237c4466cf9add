namespace Workflow.Core.Graph;

/// <summary>A directed edge from a source handle to a target node.</summary>
public sealed record EdgeDefinition
{
    public string Id { get; init; } = "";
    public string Source { get; init; } = "";
    public string? SourceHandle { get; init; }
    public string Target { get; init; } = "";
    public string? TargetHandle { get; init; }
}
