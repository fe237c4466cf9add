namespace Workflow.Grains.Abstractions.Triggers.Schedules;

/// <summary>What <c>GET /api/workflows/{id}/triggers</c> shows of a schedule trigger.</summary>
[GenerateSerializer, Immutable, Alias("wf.ScheduleTriggerView")]
public sealed record ScheduleTriggerView
{
    /// <summary><c>active</c>, <c>inactive</c> (stopped, never started or past its end) or <c>error</c> (invalid config).</summary>
    [Id(0)] public required string Status { get; init; }
    [Id(1)] public DateTimeOffset? NextFireAt { get; init; }
    [Id(2)] public DateTimeOffset? LastFireAt { get; init; }
    [Id(3)] public string? Cron { get; init; }
    [Id(4)] public string? Timezone { get; init; }
    /// <summary>Why the config was refused (status <c>error</c>).</summary>
    [Id(5)] public string? Error { get; init; }
}
