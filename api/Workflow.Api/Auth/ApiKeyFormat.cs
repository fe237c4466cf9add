using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Auth;

/// <summary>
/// API keys look like <c>wfk_{id}_{secret}</c>: 16 hex characters of key id (the lookup, not secret) and 32 random
/// bytes in base64url. Only the SHA-256 of the whole key is stored: with 256 bits of randomness a slow KDF adds nothing.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "wfk_";
    private const int IdLength = 16;
    private const int SecretBytes = 32;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>A new key and its id.</summary>
    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The key id of a well-formed key, or null.</summary>
    public static string? IdOf(string? key)
    {
        if (key is null || key.Length != Prefix.Length + IdLength + 1 + SecretLength ||
            !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return null;
        }
        var id = key.Substring(Prefix.Length, IdLength);
        return id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    /// <summary>True when <paramref name="id"/> could be a key id (so it is worth a grain lookup).</summary>
    public static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>SHA-256 of the whole key.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
