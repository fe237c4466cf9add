using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>The credentials of one tenant (key = tenant): listing and unique names.</summary>
[Alias("wf.ICredentialIndexGrain")]
public interface ICredentialIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a credential's metadata; false when another credential already has its name.</summary>
    /// <param name="credential">The metadata.</param>
    /// <returns>True when stored.</returns>
    [Alias("Upsert")]
    Task<bool> UpsertAsync(CredentialInfo credential);

    /// <summary>Forgets a credential.</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <returns>A task completed once stored.</returns>
    [Alias("Remove")]
    Task RemoveAsync(Guid credentialId);

    /// <summary>Lists the tenant's credentials ordered by name (ignoring case).</summary>
    /// <returns>The metadata of every credential.</returns>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<CredentialInfo>> ListAsync();
}
