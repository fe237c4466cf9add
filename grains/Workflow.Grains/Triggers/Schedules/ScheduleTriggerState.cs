using Workflow.Grains.Storage;

namespace Workflow.Grains.Triggers.Schedules;

/// <summary>The persisted state of a schedule trigger: its settings, and the instant up to which everything is done.</summary>
public sealed class ScheduleTriggerState : IRecoverableState
{
    public bool Active { get; set; }
    public string? Error { get; set; }
    public int WorkflowVersion { get; set; }
    public string? Cron { get; set; }
    public string? Timezone { get; set; }
    public string? StartAt { get; set; }
    public string? EndAt { get; set; }
    public string? Misfire { get; set; }

    /// <summary>Every instant up to and including this one has been fired or deliberately missed.</summary>
    public DateTimeOffset Anchor { get; set; }

    public DateTimeOffset? LastFiredAt { get; set; }
    public DateTimeOffset? NextFireAt { get; set; }

    /// <summary>A started schedule is re-armed at silo start.</summary>
    public bool NeedsRecovery => Active && Error is null;
}
