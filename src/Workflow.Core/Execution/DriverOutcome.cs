namespace Workflow.Core.Execution;

/// <summary>Where a driver run stopped: a terminal status, or suspended until <see cref="NextWakeAt"/> (or a signal).</summary>
public sealed record DriverOutcome(ExecutionStatus Status, DateTimeOffset? NextWakeAt);
