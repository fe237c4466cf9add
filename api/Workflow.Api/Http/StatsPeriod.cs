using System.Globalization;

namespace Workflow.Api.Http;

/// <summary>The <c>period</c> of the stats endpoint: a number and a unit (<c>m</c>, <c>h</c>, <c>d</c>), at most 365 days.</summary>
public static class StatsPeriod
{
    public const string Default = "24h";

    private static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public static bool TryParse(string? text, out TimeSpan period)
    {
        period = default;
        if (text is not { Length: >= 2 and <= 8 } ||
            !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }
        period = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return period > TimeSpan.Zero && period <= Longest;
    }
}
