using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Core.Security;

/// <summary>
/// Encrypts credential data with AES-256-GCM under the active key of a <see cref="CredentialKeyRing"/> and decrypts
/// it with whichever key the ciphertext names, so ciphertexts made before a rotation stay readable.
/// </summary>
/// <remarks>
/// The envelope is <c>v1.{keyId}.{nonce}.{ciphertext}.{tag}</c> (base64url, 12-byte random nonce, 16-byte tag).
/// The associated data binds the format version, the key id, the tenant and the credential id, each
/// length-prefixed so that no choice of ids can make two different bindings produce the same bytes; a ciphertext
/// copied to another credential or tenant therefore fails authentication. Random 96-bit nonces are safe for far
/// more encryptions per key than credentials will ever see (NIST SP 800-38D limits them to 2^32).
/// </remarks>
public sealed class CredentialCipher
{
    private static readonly byte[] Domain = "workflow-credential"u8.ToArray();

    /// <summary>Initializes a new instance of the <see cref="CredentialCipher"/> class.</summary>
    /// <param name="keys">The key ring.</param>
    public CredentialCipher(CredentialKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
    }

    /// <summary>Gets the key ring.</summary>
    public CredentialKeyRing Keys { get; }

    /// <summary>Gets the id of the key new ciphertexts use.</summary>
    public string ActiveKeyId => Keys.Active.Id;

    /// <summary>Reads the key id of an envelope without decrypting it.</summary>
    /// <param name="envelope">An envelope from <see cref="Encrypt"/>.</param>
    /// <param name="keyId">The key id, when readable.</param>
    /// <returns>True when <paramref name="envelope"/> starts like an envelope of this format.</returns>
    public static bool TryReadKeyId(string? envelope, out string keyId) => CredentialEnvelope.TryReadKeyId(envelope, out keyId);

    /// <summary>Encrypts <paramref name="plaintext"/> for one credential of one tenant with the active key.</summary>
    /// <param name="plaintext">The secret bytes.</param>
    /// <param name="tenantId">The tenant owning the credential.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <returns>The envelope text.</returns>
    public string Encrypt(ReadOnlySpan<byte> plaintext, string tenantId, string credentialId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        var key = Keys.Active;
        var nonce = RandomNumberGenerator.GetBytes(CredentialEnvelope.NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[CredentialEnvelope.TagSize];
        using (var aes = new AesGcm(key.Material, CredentialEnvelope.TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(key.Id, tenantId, credentialId));
        }

        return new CredentialEnvelope(key.Id, nonce, ciphertext, tag).Format();
    }

    /// <summary>Decrypts an envelope made for exactly this tenant and credential.</summary>
    /// <param name="envelope">The envelope text.</param>
    /// <param name="tenantId">The tenant the credential belongs to.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="CredentialCipherException">The envelope is malformed, names an unknown key, or fails authentication.</exception>
    public byte[] Decrypt(string envelope, string tenantId, string credentialId)
    {
        if (!TryDecrypt(envelope, tenantId, credentialId, out var plaintext, out var error))
        {
            CredentialEnvelope.TryReadKeyId(envelope, out var keyId);
            throw new CredentialCipherException(error, keyId.Length > 0 ? keyId : null);
        }

        return plaintext;
    }

    /// <summary>Decrypts an envelope made for exactly this tenant and credential, reporting failure as a value.</summary>
    /// <param name="envelope">The envelope text.</param>
    /// <param name="tenantId">The tenant the credential belongs to.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="plaintext">The plaintext on success.</param>
    /// <param name="error">Why it failed, otherwise meaningless.</param>
    /// <returns>True when decrypted and authenticated.</returns>
    public bool TryDecrypt(
        string? envelope,
        string tenantId,
        string credentialId,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? plaintext,
        out CredentialCipherError error)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        plaintext = null;
        if (CredentialEnvelope.TryParse(envelope, out var parsed) is { } parseError)
        {
            error = parseError;
            return false;
        }

        if (!Keys.TryGet(parsed.KeyId, out var key))
        {
            error = CredentialCipherError.UnknownKey;
            return false;
        }

        var output = new byte[parsed.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key.Material, CredentialEnvelope.TagSize);
            aes.Decrypt(parsed.Nonce, parsed.Ciphertext, parsed.Tag, output, AssociatedData(key.Id, tenantId, credentialId));
        }
        catch (AuthenticationTagMismatchException)
        {
            error = CredentialCipherError.AuthenticationFailed;
            return false;
        }

        plaintext = output;
        error = default;
        return true;
    }

    private static byte[] AssociatedData(string keyId, string tenantId, string credentialId)
    {
        string[] fields = [CredentialEnvelope.Version, keyId, tenantId, credentialId];
        var length = Domain.Length + fields.Sum(field => sizeof(int) + Encoding.UTF8.GetByteCount(field));
        var data = new byte[length];
        Domain.CopyTo(data, 0);
        var offset = Domain.Length;
        foreach (var field in fields)
        {
            var written = Encoding.UTF8.GetBytes(field, data.AsSpan(offset + sizeof(int)));
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(offset), written);
            offset += sizeof(int) + written;
        }

        return data;
    }
}
