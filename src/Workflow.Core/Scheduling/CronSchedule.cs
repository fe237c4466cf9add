using System.Globalization;
using Cronos;

namespace Workflow.Core.Scheduling;

/// <summary>
/// A validated cron schedule: 5 or 6 fields (seconds first), evaluated in an IANA time zone (DST gaps and overlaps
/// as Cronos defines them: a time skipped by spring-forward fires at the first valid time after the gap, an
/// ambiguous time of fall-back fires once), bounded by optional start and end instants.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>An instant that is at most this late still counts as on time for <see cref="MisfirePolicy.Skip"/>.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly CronExpression _expression;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone, DateTimeOffset? startAt, DateTimeOffset? endAt, MisfirePolicy misfire)
    {
        _expression = expression;
        Zone = zone;
        StartAt = startAt;
        EndAt = endAt;
        Misfire = misfire;
    }

    /// <summary>The time zone the cron fields are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>No instant before this fires.</summary>
    public DateTimeOffset? StartAt { get; }

    /// <summary>No instant after this fires.</summary>
    public DateTimeOffset? EndAt { get; }

    /// <summary>The policy for instants missed while down.</summary>
    public MisfirePolicy Misfire { get; }

    /// <summary>Validates <paramref name="spec"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryCreate(ScheduleSpec spec, out CronSchedule? schedule, out string? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        schedule = null;
        error = Validate(spec, out var expression, out var zone, out var startAt, out var endAt, out var misfire);
        if (error is null)
        {
            schedule = new CronSchedule(expression!, zone!, startAt, endAt, misfire);
        }
        return error is null;
    }

    /// <summary>The first instant strictly after <paramref name="after"/> within the bounds, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var next = StartAt is { } start && start > after
            ? _expression.GetNextOccurrence(start, Zone, inclusive: true)
            : _expression.GetNextOccurrence(after, Zone, inclusive: false);
        return next is { } n && (EndAt is null || n <= EndAt) ? n : null;
    }

    /// <summary>
    /// Decides what to fire at <paramref name="now"/> when every instant up to <paramref name="anchor"/> is done.
    /// Due instants are those in (anchor, now]. <see cref="MisfirePolicy.FireOnce"/> fires the latest of them;
    /// <see cref="MisfirePolicy.Skip"/> fires it only when it is the only due instant and at most <paramref name="grace"/>
    /// late (on time); otherwise every due instant counts as missed.
    /// </summary>
    public MisfirePlan Plan(DateTimeOffset anchor, DateTimeOffset now, TimeSpan grace)
    {
        DateTimeOffset? latest = null;
        var count = 0;
        for (var instant = NextAfter(anchor); instant is { } i && i <= now; instant = NextAfter(i))
        {
            latest = i;
            count++;
        }
        var next = NextAfter(now > anchor ? now : anchor);
        if (latest is null)
        {
            return new MisfirePlan(null, null, 0, next);
        }
        // Under skip, only an instant that is alone (nothing before it was missed) and not late is on time.
        var onTime = count == 1 && now - latest.Value <= grace;
        var fire = Misfire == MisfirePolicy.FireOnce || onTime ? latest : null;
        return new MisfirePlan(fire, latest, fire is null ? count : count - 1, next);
    }

    private static string? Validate(ScheduleSpec spec, out CronExpression? expression, out TimeZoneInfo? zone,
        out DateTimeOffset? startAt, out DateTimeOffset? endAt, out MisfirePolicy misfire)
    {
        expression = null;
        zone = null;
        startAt = endAt = null;
        misfire = MisfirePolicy.FireOnce;
        if (string.IsNullOrWhiteSpace(spec.Cron))
        {
            return "A schedule trigger needs a cron expression.";
        }
        var fields = spec.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length is not (5 or 6))
        {
            return $"Cron expression '{spec.Cron}' has {fields.Length} fields; use 5 (minute first) or 6 (second first).";
        }
        try
        {
            expression = CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            return $"Cron expression '{spec.Cron}' is not valid: {e.Message}";
        }
        if (string.IsNullOrWhiteSpace(spec.Timezone))
        {
            zone = TimeZoneInfo.Utc;
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(spec.Timezone.Trim(), out zone))
        {
            return $"Unknown time zone '{spec.Timezone}'; use an IANA id such as Europe/Paris.";
        }
        if (!TryInstant(spec.StartAt, out startAt))
        {
            return $"startAt '{spec.StartAt}' is not an ISO 8601 instant.";
        }
        if (!TryInstant(spec.EndAt, out endAt))
        {
            return $"endAt '{spec.EndAt}' is not an ISO 8601 instant.";
        }
        if (startAt > endAt)
        {
            return "endAt is before startAt.";
        }
        switch (spec.Misfire?.Trim().ToLowerInvariant())
        {
            case null or "" or "fireonce":
                misfire = MisfirePolicy.FireOnce;
                return null;
            case "skip":
                misfire = MisfirePolicy.Skip;
                return null;
            default:
                return $"Unknown misfire policy '{spec.Misfire}'; use fireOnce or skip.";
        }
    }

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }
        return false;
    }
}
