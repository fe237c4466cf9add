using System.Security.Cryptography;
using System.Text.Json;
using Workflow.Core.Security;

namespace Workflow.Grains.Security;

/// <summary>
/// The key file: <c>{"version":1,"keys":[{"id","key"(base64),"createdAt","active"}]}</c>, readable and writable by
/// the owner only (mode 600, directory 700). Written to a temporary file and renamed into place, so a reader never
/// sees half a file; changes are made under a lock file so that two processes sharing the file never lose a key.
/// </summary>
internal static class CredentialKeyFile
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[CredentialKey.KeySizeBytes + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != CredentialKey.KeySizeBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        key = buffer[..written];
        CryptographicOperations.ZeroMemory(buffer);
        return true;
    }

    /// <summary>Reads the ring; null when the file does not exist. A damaged file throws rather than being replaced.</summary>
    public static CredentialKeyRing? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var model = JsonSerializer.Deserialize<FileModel>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidDataException($"The credential key file '{path}' is empty.");
        if (model.Version != 1 || model.Keys is not { Count: > 0 } entries)
        {
            throw new InvalidDataException($"The credential key file '{path}' has no keys or an unknown version.");
        }

        var keys = new List<CredentialKey>(entries.Count);
        foreach (var entry in entries)
        {
            if (!CredentialKey.IsValidId(entry.Id) || !TryDecodeKey(entry.Key, out var material))
            {
                throw new InvalidDataException($"The credential key file '{path}' holds an invalid key '{entry.Id}'.");
            }

            keys.Add(new CredentialKey(entry.Id, material, entry.CreatedAt));
            CryptographicOperations.ZeroMemory(material);
        }

        var active = entries.Where(entry => entry.Active).Select(entry => entry.Id).ToArray();
        if (active.Length != 1)
        {
            throw new InvalidDataException($"The credential key file '{path}' must mark exactly one key active.");
        }

        return new CredentialKeyRing(keys, active[0]);
    }

    /// <summary>Writes the ring in place of the file, atomically.</summary>
    public static void Write(string path, CredentialKeyRing ring) => Publish(path, ring, overwrite: true);

    /// <summary>Writes the ring only when no file exists yet; false when another process created it first.</summary>
    public static bool TryCreate(string path, CredentialKeyRing ring)
    {
        try
        {
            Publish(path, ring, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Takes the lock file next to the key file, waiting up to <paramref name="timeout"/>.</summary>
    public static async Task<FileStream> LockAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        EnsureDirectory(path);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the file can be read by others than its owner (only checked on Unix).</summary>
    public static bool IsTooOpen(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0;

    /// <summary>Narrows the file to owner read/write (Unix only).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }

    private static void Publish(string path, CredentialKeyRing ring, bool overwrite)
    {
        EnsureDirectory(path);
        var model = new FileModel(1, [.. ring.Keys.Select(key =>
            new FileEntry(key.Id, Convert.ToBase64String(key.Material), key.CreatedAt, key.Id == ring.Active.Id))]);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                JsonSerializer.Serialize(stream, model, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void EnsureDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    private sealed record FileModel(int Version, List<FileEntry>? Keys);

    private sealed record FileEntry(string Id, string Key, DateTimeOffset CreatedAt, bool Active)
    {
        public override string ToString() => $"FileEntry {Id}";
    }
}
