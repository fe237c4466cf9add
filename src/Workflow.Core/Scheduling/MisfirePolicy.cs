namespace Workflow.Core.Scheduling;

/// <summary>What a schedule does with instants that passed while nothing was running (the cluster was down).</summary>
public enum MisfirePolicy
{
    /// <summary>Fire once, for the most recent missed instant, then continue with the schedule (the default).</summary>
    FireOnce,

    /// <summary>Fire none of the missed instants; continue with the next one.</summary>
    Skip,
}
