namespace Workflow.Grains.Abstractions.Identity;

/// <summary>An API key as listed to its user: no secret, no hash.</summary>
[GenerateSerializer, Immutable, Alias("wf.ApiKeyInfo")]
public sealed record ApiKeyInfo
{
    /// <summary>The key id.</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>The key's name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>When the key was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key last authenticated a request (kept to about a minute), null when never.</summary>
    [Id(3)] public DateTimeOffset? LastUsedAt { get; init; }
}
