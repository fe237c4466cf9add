using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Identity;

/// <summary>
/// One tenant (key = tenant name) and the authority on its membership: users are added and removed through it, so
/// name uniqueness and "never remove the last owner" hold without races.
/// </summary>
[Alias("wf.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant with its first user (<c>tenant_exists</c> when it already exists).</summary>
    [Alias("Create")]
    Task<IdentityResult> CreateAsync(string displayName, UserAccount owner);

    /// <summary>The tenant, or null when it does not exist.</summary>
    [Alias("Get"), ReadOnly]
    Task<TenantInfo?> GetAsync();

    /// <summary>Adds a user (<c>tenant_not_found</c>, <c>user_exists</c>).</summary>
    [Alias("AddUser")]
    Task<IdentityResult> AddUserAsync(UserAccount account);

    /// <summary>Removes a user and its API keys (<c>not_found</c>, <c>last_owner</c>).</summary>
    [Alias("RemoveUser")]
    Task<IdentityResult> RemoveUserAsync(string username);

    /// <summary>The users, ordered by name.</summary>
    [Alias("ListUsers"), ReadOnly]
    Task<IReadOnlyList<UserSummary>> ListUsersAsync();
}
