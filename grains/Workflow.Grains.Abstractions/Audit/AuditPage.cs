namespace Workflow.Grains.Abstractions.Audit;

/// <summary>A page of audit entries, newest first; <paramref name="NextCursor"/> is null on the last page.</summary>
/// <param name="Items">The entries.</param>
/// <param name="NextCursor">The cursor of the next page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);
