namespace Workflow.Grains.Credentials;

/// <summary>
/// Persisted state of <see cref="CredentialGrain"/>. The data exists here only as <see cref="Envelope"/>, the
/// AES-GCM ciphertext bound to the tenant and credential id; never in plaintext.
/// </summary>
public sealed class CredentialState
{
    /// <summary>Gets or sets the name, unique per tenant.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the credential type.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the encrypted data (<c>v1.{keyId}.{nonce}.{ciphertext}.{tag}</c>).</summary>
    public string? Envelope { get; set; }

    /// <summary>Gets or sets when the credential was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets when the credential was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
