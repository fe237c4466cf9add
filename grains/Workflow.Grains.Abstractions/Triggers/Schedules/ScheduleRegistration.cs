namespace Workflow.Grains.Abstractions.Triggers.Schedules;

/// <summary>The schedule settings of a trigger node of an active workflow version, as written in its config.</summary>
[GenerateSerializer, Immutable, Alias("wf.ScheduleRegistration")]
public sealed record ScheduleRegistration
{
    [Id(0)] public required int WorkflowVersion { get; init; }
    [Id(1)] public string? Cron { get; init; }
    [Id(2)] public string? Timezone { get; init; }
    [Id(3)] public string? StartAt { get; init; }
    [Id(4)] public string? EndAt { get; init; }
    [Id(5)] public string? Misfire { get; init; }
}
