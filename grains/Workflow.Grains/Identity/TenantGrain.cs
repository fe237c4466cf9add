using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Grains.Identity;

/// <summary>
/// One tenant and its membership. A user grain is written before it is listed here and cleared before it is
/// unlisted, so a crash in between never leaves a listed user that cannot be deleted again.
/// </summary>
[GrainType("tenant")]
public sealed class TenantGrain(
    [PersistentState("tenant", "workflow")] IPersistentState<TenantState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, ITenantGrain
{
    private string Name => this.GetPrimaryKeyString();

    public async Task<IdentityResult> CreateAsync(string displayName, UserAccount owner)
    {
        if (state.State.Exists)
        {
            return IdentityResult.Error("tenant_exists", $"The tenant '{Name}' already exists.");
        }
        var account = owner with { Tenant = Name };
        await User(account.Username).SetAccountAsync(account);
        state.State.Exists = true;
        state.State.DisplayName = displayName;
        state.State.CreatedAt = time.GetUtcNow();
        state.State.Users.Clear();
        state.State.Users[account.Username] = account.ToSummary();
        await state.WriteStateAsync();
        return IdentityResult.Success;
    }

    public Task<TenantInfo?> GetAsync() => Task.FromResult(state.State.Exists
        ? new TenantInfo { Name = Name, DisplayName = state.State.DisplayName, CreatedAt = state.State.CreatedAt, UserCount = state.State.Users.Count }
        : null);

    public async Task<IdentityResult> AddUserAsync(UserAccount account)
    {
        if (!state.State.Exists)
        {
            return IdentityResult.Error("tenant_not_found", $"The tenant '{Name}' does not exist.");
        }
        if (state.State.Users.ContainsKey(account.Username))
        {
            return IdentityResult.Error("user_exists", $"The user '{account.Username}' already exists.");
        }
        var stored = account with { Tenant = Name };
        await User(stored.Username).SetAccountAsync(stored);
        state.State.Users[stored.Username] = stored.ToSummary();
        await state.WriteStateAsync();
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> RemoveUserAsync(string username)
    {
        if (!state.State.Exists || !state.State.Users.TryGetValue(username, out var user))
        {
            return IdentityResult.Error("not_found", $"The user '{username}' does not exist.");
        }
        if (IsOwner(user) && state.State.Users.Values.Count(IsOwner) == 1)
        {
            return IdentityResult.Error("last_owner", "The last owner of a tenant cannot be deleted.");
        }
        await User(username).DeleteAsync();
        state.State.Users.Remove(username);
        await state.WriteStateAsync();
        return IdentityResult.Success;
    }

    public Task<IReadOnlyList<UserSummary>> ListUsersAsync() =>
        Task.FromResult<IReadOnlyList<UserSummary>>(state.State.Users.Values.OrderBy(u => u.Username, StringComparer.Ordinal).ToArray());

    private static bool IsOwner(UserSummary user) => user.Roles.Contains(TenantRoles.Owner, StringComparer.Ordinal);

    private IUserGrain User(string username) => grains.GetGrain<IUserGrain>(GrainKeys.For(Name, username));
}
