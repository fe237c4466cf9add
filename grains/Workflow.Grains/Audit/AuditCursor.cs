using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Workflow.Grains.Audit;

/// <summary>The keyset position after the last row of a page: (at, seq) of that row, base64url so clients treat it as opaque.</summary>
internal readonly record struct AuditCursor(long At, long Seq)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"a:{At}:{Seq}")));

    /// <summary>Decodes a cursor from a previous page; an invalid one is the caller's error.</summary>
    public static AuditCursor Decode(string cursor)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
        }
        catch (FormatException error)
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor), error);
        }

        if (parts.Length != 3
            || parts[0] != "a"
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor));
        }

        return new AuditCursor(at, seq);
    }
}
