namespace Workflow.Grains.Credentials;

/// <summary>
/// The decrypting side of a credential grain (same key as <c>ICredentialGrain</c>), for node executors inside the
/// silo. It lives in this assembly rather than the abstractions on purpose: the API project does not reference it,
/// so no endpoint can return a secret.
/// </summary>
[Alias("wf.ICredentialSecretGrain")]
public interface ICredentialSecretGrain : IGrainWithStringKey
{
    /// <summary>Decrypts the credential's data; re-encrypts it with the active key when an older key was used.</summary>
    /// <returns>The type and data JSON, or an error code.</returns>
    [Alias("Reveal")]
    Task<CredentialSecret> RevealAsync();
}
