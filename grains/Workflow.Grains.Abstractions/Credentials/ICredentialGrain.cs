using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>
/// One credential (key <c>{tenant}/{credentialId:N}</c>). Its data is kept only encrypted; this interface never
/// returns it. Node executors read it through a separate interface that the API cannot reach.
/// </summary>
[Alias("wf.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Creates the credential; fails with <c>invalid_credential</c>, <c>name_conflict</c> or <c>already_exists</c>.</summary>
    /// <param name="input">Name, type and data.</param>
    /// <returns>The metadata, or the error.</returns>
    [Alias("Create")]
    Task<CredentialResult> CreateAsync(CredentialInput input);

    /// <summary>Replaces name, type and data (re-encrypted with the active key).</summary>
    /// <param name="input">Name, type and data.</param>
    /// <returns>The metadata, or the error (<c>not_found</c> too).</returns>
    [Alias("Update")]
    Task<CredentialResult> UpdateAsync(CredentialInput input);

    /// <summary>Gets the metadata; null when the credential does not exist.</summary>
    /// <returns>The metadata or null.</returns>
    [Alias("Get"), ReadOnly]
    Task<CredentialInfo?> GetAsync();

    /// <summary>Deletes the credential and its ciphertext; false when it did not exist.</summary>
    /// <returns>True when deleted.</returns>
    [Alias("Delete")]
    Task<bool> DeleteAsync();
}
