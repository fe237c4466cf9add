using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Core.Security;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Security;

/// <summary>
/// Holds the credential key ring of this process and the <see cref="CredentialCipher"/> over it; loads the keys
/// from configuration or from the key file (creating it with a fresh key on first use) and rotates them.
/// </summary>
public sealed partial class CredentialKeyRingProvider : ICredentialKeyAdmin
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _time;
    private readonly ILogger<CredentialKeyRingProvider> _logger;
    private readonly SemaphoreSlim _rotation = new(1, 1);
    private readonly Lock _gate = new();
    private CredentialCipher _cipher;
    private DateTime _fileWrittenAt;

    /// <summary>Initializes a new instance of the <see cref="CredentialKeyRingProvider"/> class and loads the keys.</summary>
    /// <param name="options">Where the keys come from.</param>
    /// <param name="storage">The SQLite options; the default key file lives under their data directory.</param>
    /// <param name="time">The clock of key creation times.</param>
    /// <param name="logger">The logger.</param>
    public CredentialKeyRingProvider(
        IOptions<CredentialKeyOptions> options,
        IOptions<SqliteStorageOptions> storage,
        TimeProvider time,
        ILogger<CredentialKeyRingProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _time = time;
        _logger = logger;
        var settings = options.Value;
        if (settings.Keys.Count > 0)
        {
            IsConfigured = true;
            _cipher = new CredentialCipher(FromConfiguration(settings.Keys));
            LogLoaded(settings.Keys.Count, _cipher.ActiveKeyId, "configuration");
            return;
        }

        KeysFile = Path.GetFullPath(settings.KeysFile ?? Path.Combine(storage.Value.DataDirectory, "keys", "credential-keys.json"));
        _cipher = new CredentialCipher(LoadOrCreateFile(KeysFile));
    }

    /// <summary>Gets the cipher over the current key ring.</summary>
    public CredentialCipher Cipher
    {
        get
        {
            lock (_gate)
            {
                return _cipher;
            }
        }
    }

    /// <inheritdoc />
    public string ActiveKeyId => Cipher.ActiveKeyId;

    /// <summary>Gets a value indicating whether the keys come from configuration (read-only; no key file).</summary>
    public bool IsConfigured { get; }

    /// <summary>Gets the full path of the key file; null when the keys come from configuration.</summary>
    public string? KeysFile { get; }

    /// <summary>
    /// Reads the key file again when it changed since it was last read (another silo sharing it rotated the key).
    /// Called when a ciphertext names a key this process does not know.
    /// </summary>
    /// <returns>True when the ring was replaced.</returns>
    public bool Refresh()
    {
        if (KeysFile is null || !File.Exists(KeysFile))
        {
            return false;
        }

        lock (_gate)
        {
            var writtenAt = File.GetLastWriteTimeUtc(KeysFile);
            if (writtenAt == _fileWrittenAt)
            {
                return false;
            }

            CredentialKeyRing? ring;
            try
            {
                ring = CredentialKeyFile.Read(KeysFile);
            }
            catch (Exception error) when (error is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                LogRefreshFailed(error, KeysFile);
                return false;
            }

            if (ring is null)
            {
                return false;
            }

            _fileWrittenAt = writtenAt;
            _cipher = new CredentialCipher(ring);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<CredentialKeyRotation> RotateKeyAsync(CancellationToken cancellationToken = default)
    {
        var previous = ActiveKeyId;
        if (KeysFile is null)
        {
            return new CredentialKeyRotation(null, previous, "keys_configured",
                $"The credential keys come from configuration ({CredentialKeyOptions.SectionName}:Keys); rotate them there.");
        }

        await _rotation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (await CredentialKeyFile.LockAsync(KeysFile, LockTimeout, cancellationToken).ConfigureAwait(false))
            {
                // Start from the file, not from memory: another process may have added a key since we read it.
                var current = CredentialKeyFile.Read(KeysFile) ?? Cipher.Keys;
                previous = current.Active.Id;
                var rotated = current.Rotate(CredentialKey.Generate(_time.GetUtcNow()));
                CredentialKeyFile.Write(KeysFile, rotated);
                lock (_gate)
                {
                    _cipher = new CredentialCipher(rotated);
                    _fileWrittenAt = File.GetLastWriteTimeUtc(KeysFile);
                }

                LogRotated(rotated.Active.Id, previous);
                return new CredentialKeyRotation(rotated.Active.Id, previous);
            }
        }
        finally
        {
            _rotation.Release();
        }
    }

    private static CredentialKeyRing FromConfiguration(List<CredentialKeyConfig> configured)
    {
        var keys = new List<CredentialKey>(configured.Count);
        foreach (var key in configured)
        {
            if (!CredentialKeyFile.TryDecodeKey(key.Key, out var material))
            {
                throw new OptionsValidationException(CredentialKeyOptions.SectionName, typeof(CredentialKeyOptions),
                    [$"The configured credential key '{key.Id}' is not base64 of {CredentialKey.KeySizeBytes} bytes."]);
            }

            keys.Add(new CredentialKey(key.Id, material, DateTimeOffset.MinValue));
        }

        return new CredentialKeyRing(keys, configured.Single(key => key.Active).Id);
    }

    private CredentialKeyRing LoadOrCreateFile(string path)
    {
        var ring = CredentialKeyFile.Read(path);
        if (ring is null)
        {
            var first = CredentialKey.Generate(_time.GetUtcNow());
            var created = new CredentialKeyRing([first], first.Id);
            ring = CredentialKeyFile.TryCreate(path, created) ? created : CredentialKeyFile.Read(path)!;
            if (ReferenceEquals(ring, created))
            {
                LogGenerated(ring.Active.Id, path);
            }
        }
        else if (CredentialKeyFile.IsTooOpen(path))
        {
            CredentialKeyFile.RestrictToOwner(path);
            LogNarrowed(path);
        }

        _fileWrittenAt = File.GetLastWriteTimeUtc(path);
        LogLoaded(ring.Keys.Count, ring.Active.Id, path);
        return ring;
    }
}
