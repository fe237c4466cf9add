using System.Security.Cryptography;

namespace Workflow.Core.Security;

/// <summary>
/// One 256-bit AES key of a <see cref="CredentialKeyRing"/>, named by an id that every ciphertext made with it
/// carries. <see cref="ToString"/> names the key only, so a key logged by mistake does not leak its material.
/// </summary>
public sealed class CredentialKey
{
    /// <summary>The key length in bytes (AES-256).</summary>
    public const int KeySizeBytes = 32;

    /// <summary>The longest key id.</summary>
    public const int MaxIdLength = 64;

    private readonly byte[] _material;

    /// <summary>Initializes a new instance of the <see cref="CredentialKey"/> class.</summary>
    /// <param name="id">The key id: 1 to 64 of <c>A-Z a-z 0-9 _ -</c> (it is a segment of every envelope).</param>
    /// <param name="material">Exactly 32 bytes; copied.</param>
    /// <param name="createdAt">When the key was made.</param>
    public CredentialKey(string id, ReadOnlySpan<byte> material, DateTimeOffset createdAt)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"A key id is 1 to {MaxIdLength} of A-Z, a-z, 0-9, '_' and '-'.", nameof(id));
        }

        if (material.Length != KeySizeBytes)
        {
            throw new ArgumentException($"A credential key is {KeySizeBytes} bytes, not {material.Length}.", nameof(material));
        }

        Id = id;
        _material = material.ToArray();
        CreatedAt = createdAt;
    }

    /// <summary>Gets the key id written into every envelope encrypted with this key.</summary>
    public string Id { get; }

    /// <summary>Gets when the key was made.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the key bytes (for persisting the key ring; never log them).</summary>
    public ReadOnlySpan<byte> Material => _material;

    /// <summary>Makes a key with fresh random material and an id derived from <paramref name="createdAt"/>.</summary>
    /// <param name="createdAt">The creation time; it names the key (<c>kyyyyMMddHHmmss-xxxxxx</c>).</param>
    /// <returns>The new key.</returns>
    public static CredentialKey Generate(DateTimeOffset createdAt)
    {
        Span<byte> material = stackalloc byte[KeySizeBytes];
        RandomNumberGenerator.Fill(material);
        try
        {
            var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            var id = $"k{createdAt.UtcDateTime:yyyyMMddHHmmss}-{suffix}";
            return new CredentialKey(id, material, createdAt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>Tells whether <paramref name="id"/> can name a key.</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns>True for 1 to 64 of <c>A-Z a-z 0-9 _ -</c>.</returns>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <inheritdoc />
    public override string ToString() => $"CredentialKey {Id}";
}
