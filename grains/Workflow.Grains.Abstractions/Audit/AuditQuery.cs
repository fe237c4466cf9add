namespace Workflow.Grains.Abstractions.Audit;

/// <summary>Filters of <c>GET /api/audit</c>, always scoped to one tenant. Results are newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Gets the tenant whose entries are read.</summary>
    public required string TenantId { get; init; }

    /// <summary>
    /// Gets the action filter, by dot-separated segments: <c>workflow</c> or <c>workflow.</c> selects every workflow
    /// action, <c>workflow.update</c> that one; a trailing <c>*</c> makes it a plain prefix (<c>execution.s*</c>).
    /// </summary>
    public string? Action { get; init; }

    /// <summary>Gets the exact actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Gets the exact target id.</summary>
    public string? TargetId { get; init; }

    /// <summary>Gets the earliest time, inclusive.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest time, exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the page size, clamped to 1..500. Default 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Gets the opaque cursor from a previous page's <see cref="AuditPage.NextCursor"/>.</summary>
    public string? Cursor { get; init; }
}
