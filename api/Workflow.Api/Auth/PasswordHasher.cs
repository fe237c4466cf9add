using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes as <c>pbkdf2-sha256${iterations}${salt}${hash}</c> (base64), with a random
/// 16-byte salt per hash. Verification always runs the KDF, even without a stored hash, so an unknown user takes as
/// long as a wrong password.
/// </summary>
public sealed class PasswordHasher
{
    public const int MinIterations = 100_000;
    public const int MaxIterations = 10_000_000;
    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly int _iterations;

    /// <summary>Random salt and hash with the current parameters: verifying against it costs what a real hash costs.</summary>
    private readonly string _dummy;

    public PasswordHasher(IOptions<AuthOptions> options)
    {
        _iterations = options.Value.PasswordIterations;
        _dummy = Format(_iterations, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));
    }

    /// <summary>A new hash of <paramref name="password"/>.</summary>
    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, _iterations, HashAlgorithmName.SHA256, HashBytes);
        return Format(_iterations, salt, hash);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; a null or malformed hash never matches but costs the same.</summary>
    public bool Verify(string password, string? stored)
    {
        if (stored is null || !TryParse(stored, out var iterations, out var salt, out var expected))
        {
            TryParse(_dummy, out iterations, out salt, out expected);
            Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Format(int iterations, byte[] salt, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) ||
            iterations is < 1 or > MaxIterations)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length > 0 && hash.Length > 0;
    }
}
