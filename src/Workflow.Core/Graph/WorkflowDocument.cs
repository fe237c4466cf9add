using System.Text.Json.Serialization;

namespace Workflow.Core.Graph;

/// <summary>The workflow document every layer speaks (DESIGN §2).</summary>
public sealed record WorkflowDocument
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string? Category { get; init; }
    public WorkflowStatus Status { get; init; } = WorkflowStatus.Draft;
    public int Version { get; init; }
    public WorkflowDefinition Definition { get; init; } = new();
    public WorkflowSettings Settings { get; init; } = new();
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>Lifecycle status of a workflow definition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    [JsonStringEnumMemberName("draft")] Draft,
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("archived")] Archived,
}
