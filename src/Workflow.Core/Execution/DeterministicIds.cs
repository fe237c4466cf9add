using System.Security.Cryptography;
using System.Text;

namespace Workflow.Core.Execution;

/// <summary>
/// Stable execution ids from dedupe keys (a scheduled instant, a webhook delivery id, a sub-workflow run): the same
/// key always gives the same GUID, so starting "again" finds the execution that already exists.
/// </summary>
public static class DeterministicIds
{
    /// <summary>A GUID (RFC 9562 version 8) made from the SHA-256 of <paramref name="dedupeKey"/>.</summary>
    public static string From(string dedupeKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
