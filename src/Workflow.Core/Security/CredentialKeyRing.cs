namespace Workflow.Core.Security;

/// <summary>
/// The keys that can decrypt credentials, one of them active (used for new ciphertexts). Immutable: a rotation
/// makes a new ring in which the new key is active and every older key still decrypts what it encrypted.
/// </summary>
public sealed class CredentialKeyRing
{
    private readonly Dictionary<string, CredentialKey> _byId;

    /// <summary>Initializes a new instance of the <see cref="CredentialKeyRing"/> class.</summary>
    /// <param name="keys">At least one key; ids unique (ordinal).</param>
    /// <param name="activeKeyId">The id of the key new ciphertexts use; must be one of <paramref name="keys"/>.</param>
    public CredentialKeyRing(IEnumerable<CredentialKey> keys, string activeKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(activeKeyId);
        Keys = [.. keys];
        if (Keys.Count == 0)
        {
            throw new ArgumentException("A key ring needs at least one key.", nameof(keys));
        }

        _byId = new Dictionary<string, CredentialKey>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"The key id '{key.Id}' appears twice in the key ring.", nameof(keys));
            }
        }

        Active = _byId.TryGetValue(activeKeyId, out var active)
            ? active
            : throw new ArgumentException($"The active key '{activeKeyId}' is not in the key ring.", nameof(activeKeyId));
    }

    /// <summary>Gets every key, in the order given.</summary>
    public IReadOnlyList<CredentialKey> Keys { get; }

    /// <summary>Gets the key used for new ciphertexts.</summary>
    public CredentialKey Active { get; }

    /// <summary>Finds a key by id.</summary>
    /// <param name="keyId">The id from an envelope.</param>
    /// <param name="key">The key, when found.</param>
    /// <returns>True when the ring holds that key.</returns>
    public bool TryGet(string keyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CredentialKey? key) =>
        _byId.TryGetValue(keyId, out key);

    /// <summary>Returns a ring holding every key of this one plus <paramref name="newKey"/>, which becomes active.</summary>
    /// <param name="newKey">A key whose id is not in this ring.</param>
    /// <returns>The rotated ring.</returns>
    public CredentialKeyRing Rotate(CredentialKey newKey)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        return new CredentialKeyRing([.. Keys, newKey], newKey.Id);
    }
}
