using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Workflow.Api.Auth;

/// <summary>
/// The JWT signing key: configured (<see cref="AuthOptions.SigningKey"/>), or generated once into a file readable
/// only by the service account and reused after restarts, so tokens survive a crash.
/// </summary>
public sealed partial class SigningKeyStore
{
    public const string FileName = "jwt-signing.key";
    public const int MinKeyBytes = 32;
    private const int GeneratedKeyBytes = 64;

    private readonly ILogger<SigningKeyStore> _logger;

    public SigningKeyStore(IOptions<AuthOptions> options, string keyFile, ILogger<SigningKeyStore> logger)
    {
        _logger = logger;
        KeyFile = keyFile;
        var bytes = string.IsNullOrWhiteSpace(options.Value.SigningKey)
            ? LoadOrCreate(keyFile)
            : Decode(options.Value.SigningKey) ?? throw new InvalidOperationException($"{AuthOptions.SectionName}:SigningKey is not valid base64 of at least {MinKeyBytes} bytes.");
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    /// <summary>Where a generated key lives.</summary>
    public string KeyFile { get; }

    /// <summary>The HMAC key.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>The key bytes of base64 <paramref name="text"/>, or null when it is not base64 of at least <see cref="MinKeyBytes"/> bytes.</summary>
    public static byte[]? Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= MinKeyBytes ? buffer[..written] : null;
    }

    private byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        // Written under a temporary name first, so a crash never leaves a half-written key behind.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race: use its key.
            File.Delete(temp);
            return Read(path);
        }
        LogGenerated(_logger, path);
        return key;
    }

    private byte[] Read(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            LogReadableByOthers(_logger, path);
        }
        return Decode(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The signing key file {path} is damaged: delete it to generate a new one (every issued token then stops working).");
    }
}
