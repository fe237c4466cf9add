using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>Persisted state of <see cref="ApiKeyGrain"/>.</summary>
public sealed class ApiKeyState
{
    /// <summary>The key (hash only), null when it does not exist.</summary>
    public ApiKeyRecord? Key { get; set; }

    /// <summary>The last persisted use.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
