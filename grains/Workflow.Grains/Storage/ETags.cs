using System.Globalization;
using System.Security.Cryptography;

namespace Workflow.Grains.Storage;

/// <summary>
/// New ETags for stored rows: a random prefix drawn once per process and a counter. Unique like a GUID (two
/// processes share a prefix with a chance of 2⁻⁶⁴), without the system call for random bytes that
/// <see cref="Guid.NewGuid"/> costs on Linux at every checkpoint.
/// </summary>
internal static class ETags
{
    private static readonly string Prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    /// <summary>An ETag no other write of this or any other process has produced.</summary>
    public static string New() => Prefix + Interlocked.Increment(ref _counter).ToString("x", CultureInfo.InvariantCulture);
}
