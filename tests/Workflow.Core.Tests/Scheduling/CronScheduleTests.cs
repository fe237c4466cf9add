using Workflow.Core.Scheduling;

namespace Workflow.Core.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static CronSchedule Create(string cron, string? timezone = null, string? startAt = null, string? endAt = null, string? misfire = null)
    {
        Assert.True(CronSchedule.TryCreate(new ScheduleSpec(cron, timezone, startAt, endAt, misfire), out var schedule, out var error), error);
        return schedule!;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void NextAfter_FiveFields_NextMinuteBoundary()
    {
        var next = Create("*/15 * * * *").NextAfter(At("2026-01-10T10:07:30Z"));
        Assert.Equal(At("2026-01-10T10:15:00Z"), next);
    }

    [Fact]
    public void NextAfter_SixFieldsSecondsFirst_EveryTwoSeconds()
    {
        var schedule = Create("*/2 * * * * *");
        Assert.Equal(At("2026-01-10T10:00:02Z"), schedule.NextAfter(At("2026-01-10T10:00:00Z")));
        Assert.Equal(At("2026-01-10T10:00:02Z"), schedule.NextAfter(At("2026-01-10T10:00:01.500Z")));
    }

    [Fact]
    public void NextAfter_TimeZone_FiresAtLocalTime()
    {
        // 09:00 in New York in January is 14:00 UTC.
        var next = Create("0 9 * * *", "America/New_York").NextAfter(At("2026-01-10T00:00:00Z"));
        Assert.Equal(At("2026-01-10T14:00:00Z"), next);
    }

    [Fact]
    public void NextAfter_SpringForwardGap_FiresOnceRightAfterTheGap()
    {
        // Europe/Paris skips 02:00–03:00 local on 2026-03-29; 02:30 does not exist that day.
        var schedule = Create("30 2 * * *", "Europe/Paris");
        var next = schedule.NextAfter(At("2026-03-28T12:00:00Z"));
        Assert.Equal(At("2026-03-29T01:00:00Z"), next); // 03:00 CEST, the end of the gap
        Assert.Equal(At("2026-03-30T00:30:00Z"), schedule.NextAfter(next!.Value)); // back to 02:30 CEST
    }

    [Fact]
    public void NextAfter_FallBackOverlap_DailyJobFiresOnce()
    {
        // Europe/Paris repeats 02:00–03:00 local on 2026-10-25; a daily 02:30 job fires only the first 02:30.
        var schedule = Create("30 2 * * *", "Europe/Paris");
        var first = schedule.NextAfter(At("2026-10-24T12:00:00Z"));
        Assert.Equal(At("2026-10-25T00:30:00Z"), first); // 02:30 CEST
        Assert.Equal(At("2026-10-26T01:30:00Z"), schedule.NextAfter(first!.Value)); // 02:30 CET next day
    }

    [Fact]
    public void NextAfter_BeforeStartAt_FirstInstantIsStartAtOrLater()
    {
        var schedule = Create("*/10 * * * * *", startAt: "2026-01-10T10:00:05Z");
        Assert.Equal(At("2026-01-10T10:00:10Z"), schedule.NextAfter(At("2026-01-10T09:00:00Z")));
        var exact = Create("*/10 * * * * *", startAt: "2026-01-10T10:00:10Z");
        Assert.Equal(At("2026-01-10T10:00:10Z"), exact.NextAfter(At("2026-01-10T09:00:00Z")));
    }

    [Fact]
    public void NextAfter_PastEndAt_Null()
    {
        var schedule = Create("*/10 * * * * *", endAt: "2026-01-10T10:00:20Z");
        Assert.Equal(At("2026-01-10T10:00:20Z"), schedule.NextAfter(At("2026-01-10T10:00:10Z")));
        Assert.Null(schedule.NextAfter(At("2026-01-10T10:00:20Z")));
    }

    [Theory]
    [InlineData("* * * *", "4 fields")]
    [InlineData("* * * * * * *", "7 fields")]
    [InlineData("61 * * * *", "not valid")]
    [InlineData("", "needs a cron")]
    public void TryCreate_BadCron_ClearError(string cron, string expected)
    {
        Assert.False(CronSchedule.TryCreate(new ScheduleSpec(cron), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", null, null, null, "Unknown time zone")]
    [InlineData(null, "yesterday", null, null, "startAt")]
    [InlineData(null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", null, "endAt is before startAt")]
    [InlineData(null, null, null, "sometimes", "Unknown misfire policy")]
    public void TryCreate_BadSettings_ClearError(string? timezone, string? startAt, string? endAt, string? misfire, string expected)
    {
        Assert.False(CronSchedule.TryCreate(new ScheduleSpec("* * * * *", timezone, startAt, endAt, misfire), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NothingDue_FiresNothing()
    {
        var plan = Create("*/2 * * * * *").Plan(At("2026-01-10T10:00:00Z"), At("2026-01-10T10:00:01Z"), CronSchedule.DefaultGrace);
        Assert.Equal(new MisfirePlan(null, null, 0, At("2026-01-10T10:00:02Z")), plan);
    }

    [Fact]
    public void Plan_OnTime_FiresTheInstantUnderBothPolicies()
    {
        foreach (var misfire in new[] { "fireOnce", "skip" })
        {
            var plan = Create("*/2 * * * * *", misfire: misfire).Plan(At("2026-01-10T10:00:00Z"), At("2026-01-10T10:00:02.010Z"), CronSchedule.DefaultGrace);
            Assert.Equal(new MisfirePlan(At("2026-01-10T10:00:02Z"), At("2026-01-10T10:00:02Z"), 0, At("2026-01-10T10:00:04Z")), plan);
        }
    }

    [Fact]
    public void Plan_FireOnceAfterOutage_FiresOnlyTheMostRecentMissedInstant()
    {
        // Down from 10:00:00 to 10:00:09.5: instants 02, 04, 06, 08 were missed.
        var plan = Create("*/2 * * * * *").Plan(At("2026-01-10T10:00:00Z"), At("2026-01-10T10:00:09.500Z"), CronSchedule.DefaultGrace);
        Assert.Equal(new MisfirePlan(At("2026-01-10T10:00:08Z"), At("2026-01-10T10:00:08Z"), 3, At("2026-01-10T10:00:10Z")), plan);
    }

    [Fact]
    public void Plan_SkipAfterOutage_FiresNoneAndMovesThePast()
    {
        var plan = Create("*/2 * * * * *", misfire: "skip").Plan(At("2026-01-10T10:00:00Z"), At("2026-01-10T10:00:15Z"), CronSchedule.DefaultGrace);
        Assert.Equal(new MisfirePlan(null, At("2026-01-10T10:00:14Z"), 7, At("2026-01-10T10:00:16Z")), plan);
    }

    [Fact]
    public void Plan_AfterEndAt_NoNextInstant()
    {
        var plan = Create("*/2 * * * * *", endAt: "2026-01-10T10:00:04Z").Plan(At("2026-01-10T10:00:00Z"), At("2026-01-10T10:00:30Z"), CronSchedule.DefaultGrace);
        Assert.Equal(new MisfirePlan(At("2026-01-10T10:00:04Z"), At("2026-01-10T10:00:04Z"), 1, null), plan);
    }
}
