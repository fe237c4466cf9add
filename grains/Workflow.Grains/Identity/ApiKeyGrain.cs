using System.Security.Cryptography;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>
/// One API key. Each use is remembered in memory and persisted at most once a minute, so a busy machine client does
/// not turn every request into a database write.
/// </summary>
[GrainType("apikey")]
public sealed class ApiKeyGrain(
    [PersistentState("apikey", "workflow")] IPersistentState<ApiKeyState> state,
    TimeProvider time) : Grain, IApiKeyGrain
{
    private static readonly TimeSpan PersistUseEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _lastUsedAt;

    public async Task<bool> CreateAsync(ApiKeyRecord key)
    {
        if (state.State.Key is not null)
        {
            return false;
        }
        state.State.Key = key;
        state.State.LastUsedAt = null;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<ApiKeyOwner?> AuthenticateAsync(byte[] keyHash)
    {
        if (state.State.Key is not { } key || !CryptographicOperations.FixedTimeEquals(key.Hash, keyHash))
        {
            return null;
        }
        var now = time.GetUtcNow();
        _lastUsedAt = now;
        if (state.State.LastUsedAt is not { } persisted || now - persisted >= PersistUseEvery)
        {
            state.State.LastUsedAt = now;
            await state.WriteStateAsync();
        }
        return new ApiKeyOwner { Tenant = key.Tenant, Username = key.Username, UserId = key.UserId };
    }

    public Task<ApiKeyInfo?> GetInfoAsync() => Task.FromResult(state.State.Key is { } key
        ? new ApiKeyInfo { Id = key.Id, Name = key.Name, CreatedAt = key.CreatedAt, LastUsedAt = _lastUsedAt ?? state.State.LastUsedAt }
        : null);

    public async Task DeleteAsync()
    {
        _lastUsedAt = null;
        if (state.State.Key is not null)
        {
            await state.ClearStateAsync();
        }
    }
}
