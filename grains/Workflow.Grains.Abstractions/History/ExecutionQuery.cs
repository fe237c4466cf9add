namespace Workflow.Grains.Abstractions.History;

/// <summary>Filters of <c>GET /api/executions</c>. Always scoped to one tenant.</summary>
public sealed record ExecutionQuery
{
    public required string TenantId { get; init; }
    public Guid? WorkflowId { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = 50;
    /// <summary>Opaque cursor from a previous page's <see cref="ExecutionPage.NextCursor"/>.</summary>
    public string? Cursor { get; init; }
}
