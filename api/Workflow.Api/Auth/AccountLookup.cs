using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// Checks at every request that the user behind a token or key still exists (same <see cref="UserAccount.UserId"/>),
/// so deleting a user or key takes effect at once. One call to an in-memory grain, no cache to invalidate.
/// </summary>
public sealed class AccountLookup(IGrainFactory grains)
{
    /// <summary>The account of <paramref name="tenant"/>/<paramref name="username"/> when it exists, else null.</summary>
    public async Task<UserAccount?> FindAsync(string? tenant, string? username)
    {
        if (!IdentityNames.IsTenant(tenant) || !IdentityNames.IsUsername(username))
        {
            return null;
        }
        return await grains.GetGrain<IUserGrain>(GrainKeys.For(tenant!, username!)).GetAsync();
    }

    /// <summary>The account when it still exists and is the same creation as <paramref name="userId"/>.</summary>
    public async Task<UserAccount?> FindActiveAsync(string? tenant, string? username, string? userId)
    {
        var account = await FindAsync(tenant, username);
        return account is not null && !string.IsNullOrEmpty(userId) && string.Equals(account.UserId, userId, StringComparison.Ordinal)
            ? account
            : null;
    }
}
