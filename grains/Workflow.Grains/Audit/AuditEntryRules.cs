using Workflow.Grains.Abstractions.Audit;

namespace Workflow.Grains.Audit;

/// <summary>Checks an entry before it is queued and cuts its free-text fields to their limits.</summary>
internal static class AuditEntryRules
{
    public const int MaxDetailLength = 500;

    public static AuditEntry Normalize(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Id, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.TenantId, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Action, nameof(entry));
        if (!AuditOutcomes.IsKnown(entry.Outcome))
        {
            throw new ArgumentException($"Unknown audit outcome '{entry.Outcome}'.", nameof(entry));
        }

        return entry with
        {
            Id = Cut(entry.Id, 64)!,
            Actor = Cut(entry.Actor, 200)!,
            Action = Cut(entry.Action, 100)!,
            TargetType = Cut(entry.TargetType ?? "", 50)!,
            TargetId = Cut(entry.TargetId, 200),
            Detail = Cut(entry.Detail, MaxDetailLength),
            Ip = Cut(entry.Ip, 64),
        };
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
