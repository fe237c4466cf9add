namespace Workflow.Core.Scheduling;

/// <summary>The schedule settings of a trigger node as written in its config (all text, validated by <see cref="CronSchedule.TryCreate"/>).</summary>
/// <param name="Cron">Cron expression with 5 fields, or 6 with seconds first.</param>
/// <param name="Timezone">IANA time zone id; UTC when empty.</param>
/// <param name="StartAt">ISO 8601 instant before which nothing fires; optional.</param>
/// <param name="EndAt">ISO 8601 instant after which nothing fires; optional.</param>
/// <param name="Misfire"><c>fireOnce</c> (default) or <c>skip</c>.</param>
public sealed record ScheduleSpec(string? Cron, string? Timezone = null, string? StartAt = null, string? EndAt = null, string? Misfire = null);
