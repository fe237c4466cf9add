namespace Workflow.Core.Execution;

/// <summary>What the planner decided: nodes to run now, nodes to cancel, and when to look again.</summary>
public sealed record PlanResult(IReadOnlyList<string> Ready, IReadOnlyList<string> Cancel, DateTimeOffset? NextWakeAt)
{
    public static PlanResult None { get; } = new([], [], null);
}
