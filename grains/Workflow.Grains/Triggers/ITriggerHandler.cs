namespace Workflow.Grains.Triggers;

/// <summary>
/// Registers and unregisters the triggers of one kind (webhook, schedule, event). The workflow grain calls every
/// handler whose <see cref="Kind"/> matches a trigger node when the workflow becomes active, when an active
/// workflow is saved, and when it is paused, archived or deleted. Both calls must be idempotent.
/// </summary>
public interface ITriggerHandler
{
    string Kind { get; }

    Task ActivateAsync(TriggerRegistration registration, CancellationToken cancellationToken);

    Task DeactivateAsync(TriggerRegistration registration, CancellationToken cancellationToken);
}
