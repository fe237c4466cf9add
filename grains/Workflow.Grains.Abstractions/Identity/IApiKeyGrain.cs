using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Identity;

/// <summary>
/// One API key (key = key id, the public part of the key): the lookup from a presented key to its owner. Holds only
/// the SHA-256 hash of the key.
/// </summary>
[Alias("wf.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key; false when the id is taken.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(ApiKeyRecord key);

    /// <summary>The owner when <paramref name="keyHash"/> matches the stored hash, else null. Records the use.</summary>
    [Alias("Authenticate")]
    Task<ApiKeyOwner?> AuthenticateAsync(byte[] keyHash);

    /// <summary>The key without secrets, or null when it does not exist.</summary>
    [Alias("GetInfo"), ReadOnly]
    Task<ApiKeyInfo?> GetInfoAsync();

    /// <summary>Deletes the key; it stops working at once.</summary>
    [Alias("Delete")]
    Task DeleteAsync();
}
