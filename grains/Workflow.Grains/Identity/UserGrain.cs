using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>One user: account and API key list. A key grain is written before it is listed and deleted before it is unlisted.</summary>
[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user", "workflow")] IPersistentState<UserState> state,
    IGrainFactory grains) : Grain, IUserGrain
{
    /// <summary>More keys than this per user is a sign of a leak, not of need.</summary>
    public const int MaxApiKeys = 50;

    public async Task SetAccountAsync(UserAccount account)
    {
        await RevokeAllKeysAsync();
        state.State.Account = account;
        state.State.ApiKeys = [];
        await state.WriteStateAsync();
    }

    public Task<UserAccount?> GetAsync() => Task.FromResult(state.State.Account);

    public async Task<bool> DeleteAsync()
    {
        var existed = state.State.Account is not null;
        if (!existed && state.State.ApiKeys.Count == 0)
        {
            return false;
        }
        await RevokeAllKeysAsync();
        await state.ClearStateAsync();
        return existed;
    }

    public async Task<IdentityResult> AddApiKeyAsync(ApiKeyRecord key)
    {
        if (state.State.Account is not { } account)
        {
            return IdentityResult.Error("not_found", "The user does not exist.");
        }
        if (state.State.ApiKeys.Count >= MaxApiKeys)
        {
            return IdentityResult.Error("too_many_api_keys", $"A user can hold at most {MaxApiKeys} API keys.");
        }
        var stored = key with { Tenant = account.Tenant, Username = account.Username, UserId = account.UserId };
        if (!await grains.GetGrain<IApiKeyGrain>(key.Id).CreateAsync(stored))
        {
            return IdentityResult.Error("key_exists", "The key id is taken.");
        }
        state.State.ApiKeys.Add(new ApiKeyInfo { Id = key.Id, Name = key.Name, CreatedAt = key.CreatedAt });
        await state.WriteStateAsync();
        return IdentityResult.Success;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync()
    {
        var infos = await Task.WhenAll(state.State.ApiKeys.Select(async k =>
            await grains.GetGrain<IApiKeyGrain>(k.Id).GetInfoAsync() ?? k));
        return infos;
    }

    public async Task<bool> RemoveApiKeyAsync(string keyId)
    {
        var index = state.State.ApiKeys.FindIndex(k => string.Equals(k.Id, keyId, StringComparison.Ordinal));
        if (index < 0)
        {
            return false;
        }
        await grains.GetGrain<IApiKeyGrain>(keyId).DeleteAsync();
        state.State.ApiKeys.RemoveAt(index);
        await state.WriteStateAsync();
        return true;
    }

    private Task RevokeAllKeysAsync() =>
        Task.WhenAll(state.State.ApiKeys.Select(k => grains.GetGrain<IApiKeyGrain>(k.Id).DeleteAsync()));
}
