using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Identity;

/// <summary>
/// One user (key <c>{tenant}/{username}</c>): the account with its password hash, and the ids of its API keys.
/// Created and deleted only through <see cref="ITenantGrain"/>.
/// </summary>
[Alias("wf.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Stores the account, replacing any earlier one and revoking its API keys.</summary>
    [Alias("SetAccount")]
    Task SetAccountAsync(UserAccount account);

    /// <summary>The account, or null when the user does not exist.</summary>
    [Alias("Get"), ReadOnly]
    Task<UserAccount?> GetAsync();

    /// <summary>Deletes the account and revokes every API key; false when there was none.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>Registers a new API key of this user (<c>not_found</c>, <c>too_many_api_keys</c>, <c>key_exists</c>).</summary>
    [Alias("AddApiKey")]
    Task<IdentityResult> AddApiKeyAsync(ApiKeyRecord key);

    /// <summary>The user's API keys, oldest first.</summary>
    [Alias("ListApiKeys")]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync();

    /// <summary>Revokes one API key; false when the user has no key with that id.</summary>
    [Alias("RemoveApiKey")]
    Task<bool> RemoveApiKeyAsync(string keyId);
}
