namespace Workflow.Grains.Abstractions.Identity;

/// <summary>An API key as stored by <see cref="IApiKeyGrain"/>: its owner and the SHA-256 hash of the key, never the key.</summary>
[GenerateSerializer, Immutable, Alias("wf.ApiKeyRecord")]
public sealed record ApiKeyRecord
{
    /// <summary>The key id (the grain key; the public part of the key).</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>A name the user gave the key.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>The owner's tenant.</summary>
    [Id(2)] public string Tenant { get; init; } = "";

    /// <summary>The owner's login name.</summary>
    [Id(3)] public string Username { get; init; } = "";

    /// <summary>The owner's <see cref="UserAccount.UserId"/> when the key was made.</summary>
    [Id(4)] public string UserId { get; init; } = "";

    /// <summary>SHA-256 of the whole key.</summary>
    [Id(5)] public byte[] Hash { get; init; } = [];

    /// <summary>When the key was created.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }
}
