namespace Workflow.Core.Scheduling;

/// <summary>What a schedule should do now, from <see cref="CronSchedule.Plan"/>.</summary>
/// <param name="Fire">The instant to fire now, or null.</param>
/// <param name="Latest">The latest instant that is due (fired or not); the schedule's new anchor. Null when none is due.</param>
/// <param name="Missed">How many due instants are not fired (missed while down).</param>
/// <param name="Next">The next instant after now, or null when the schedule has ended.</param>
public sealed record MisfirePlan(DateTimeOffset? Fire, DateTimeOffset? Latest, int Missed, DateTimeOffset? Next);
