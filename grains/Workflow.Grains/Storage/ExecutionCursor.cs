using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Workflow.Grains.Storage;

/// <summary>
/// The keyset position after the last row of a page: (started_at, id) of that row. Encoded as base64url so that
/// clients treat it as opaque.
/// </summary>
internal readonly record struct ExecutionCursor(long StartedAt, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{StartedAt.ToString(CultureInfo.InvariantCulture)}:{Id}"));

    /// <summary>Decodes a cursor from a previous page; an invalid one is the caller's error.</summary>
    public static ExecutionCursor Decode(string cursor)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException error)
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor), error);
        }

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0
            || separator == text.Length - 1
            || !long.TryParse(text.AsSpan(0, separator), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var startedAt))
        {
            throw new ArgumentException("The cursor is not valid.", nameof(cursor));
        }

        return new ExecutionCursor(startedAt, text[(separator + 1)..]);
    }
}
