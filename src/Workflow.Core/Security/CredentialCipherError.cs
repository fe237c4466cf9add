namespace Workflow.Core.Security;

/// <summary>Why a credential envelope could not be decrypted.</summary>
public enum CredentialCipherError
{
    /// <summary>The text is not an envelope (wrong number of parts, bad base64url, wrong nonce or tag length).</summary>
    Malformed,

    /// <summary>The envelope has a format version this code does not read.</summary>
    UnsupportedVersion,

    /// <summary>The envelope names a key that is not in the key ring.</summary>
    UnknownKey,

    /// <summary>
    /// The tag did not verify: the ciphertext or tag was altered, or it was made for another tenant or credential
    /// (the associated data differs), or with other key material under the same id.
    /// </summary>
    AuthenticationFailed,
}
