using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>Persisted state of <see cref="UserGrain"/>.</summary>
public sealed class UserState
{
    /// <summary>The account, null when the user does not exist.</summary>
    public UserAccount? Account { get; set; }

    /// <summary>The user's API keys (names and dates; the hashes live in the key grains).</summary>
    public List<ApiKeyInfo> ApiKeys { get; set; } = [];
}
