namespace Workflow.Core.Security;

/// <summary>Thrown by <see cref="CredentialCipher.Decrypt"/> when an envelope cannot be decrypted. Carries no secret.</summary>
public sealed class CredentialCipherException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CredentialCipherException"/> class.</summary>
    /// <param name="error">Why decryption failed.</param>
    /// <param name="keyId">The key id named by the envelope, when it could be read.</param>
    public CredentialCipherException(CredentialCipherError error, string? keyId)
        : base(Describe(error, keyId))
    {
        Error = error;
        KeyId = keyId;
    }

    /// <summary>Gets why decryption failed.</summary>
    public CredentialCipherError Error { get; }

    /// <summary>Gets the key id named by the envelope, when it could be read.</summary>
    public string? KeyId { get; }

    private static string Describe(CredentialCipherError error, string? keyId) => error switch
    {
        CredentialCipherError.Malformed => "The credential ciphertext is malformed.",
        CredentialCipherError.UnsupportedVersion => "The credential ciphertext has an unsupported format version.",
        CredentialCipherError.UnknownKey => $"The credential was encrypted with key '{keyId}', which is not in the key ring.",
        CredentialCipherError.AuthenticationFailed =>
            "The credential ciphertext failed authentication (altered, or bound to another tenant or credential).",
        _ => $"The credential could not be decrypted ({error}).",
    };
}
