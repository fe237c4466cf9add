using System.Buffers.Text;

namespace Workflow.Core.Security;

/// <summary>
/// The text form of one ciphertext: <c>v1.{keyId}.{nonce}.{ciphertext}.{tag}</c>, the last three base64url without
/// padding. Key ids cannot contain '.', so the five parts split unambiguously.
/// </summary>
internal readonly record struct CredentialEnvelope(string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    public const string Version = "v1";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public string Format() =>
        $"{Version}.{KeyId}.{Base64Url.EncodeToString(Nonce)}.{Base64Url.EncodeToString(Ciphertext)}.{Base64Url.EncodeToString(Tag)}";

    /// <summary>Reads the key id alone, without decoding the rest.</summary>
    public static bool TryReadKeyId(string? text, out string keyId)
    {
        keyId = "";
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Version + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var start = Version.Length + 1;
        var end = text.IndexOf('.', start);
        if (end <= start)
        {
            return false;
        }

        keyId = text[start..end];
        return CredentialKey.IsValidId(keyId);
    }

    public static CredentialCipherError? TryParse(string? text, out CredentialEnvelope envelope)
    {
        envelope = default;
        var parts = (text ?? "").Split('.');
        if (parts.Length != 5)
        {
            return CredentialCipherError.Malformed;
        }

        if (!string.Equals(parts[0], Version, StringComparison.Ordinal))
        {
            return parts[0].Length > 1 && parts[0][0] == 'v' ? CredentialCipherError.UnsupportedVersion : CredentialCipherError.Malformed;
        }

        if (!CredentialKey.IsValidId(parts[1])
            || !TryDecode(parts[2], out var nonce) || nonce.Length != NonceSize
            || !TryDecode(parts[3], out var ciphertext)
            || !TryDecode(parts[4], out var tag) || tag.Length != TagSize)
        {
            return CredentialCipherError.Malformed;
        }

        envelope = new CredentialEnvelope(parts[1], nonce, ciphertext, tag);
        return null;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
