using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>Persisted state of <see cref="TenantGrain"/>.</summary>
public sealed class TenantState
{
    /// <summary>True once the tenant was created.</summary>
    public bool Exists { get; set; }

    /// <summary>A human-readable name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the tenant was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The members by username, without password hashes (those live in the user grains).</summary>
    public Dictionary<string, UserSummary> Users { get; set; } = new(StringComparer.Ordinal);
}
