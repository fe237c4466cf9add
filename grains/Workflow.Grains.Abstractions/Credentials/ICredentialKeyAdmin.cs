namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>
/// Administration of the credential encryption keys, served by every silo process (the API resolves it from the
/// services of its host). Key material never leaves it.
/// </summary>
public interface ICredentialKeyAdmin
{
    /// <summary>Gets the id of the key new ciphertexts use.</summary>
    string ActiveKeyId { get; }

    /// <summary>
    /// Adds a new key and makes it active; older keys keep decrypting the credentials they encrypted, which are
    /// re-encrypted with the new key the next time they are written or read.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The new and previous key ids, or <c>keys_configured</c> when keys come from configuration.</returns>
    Task<CredentialKeyRotation> RotateKeyAsync(CancellationToken cancellationToken = default);
}
