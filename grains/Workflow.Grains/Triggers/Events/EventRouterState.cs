namespace Workflow.Grains.Triggers.Events;

/// <summary>State of <see cref="EventRouterGrain"/>: the tenant's event subscriptions by <see cref="EventSubscription.Key"/>.</summary>
public sealed class EventRouterState
{
    /// <summary>Gets or sets the subscriptions.</summary>
    public Dictionary<string, EventSubscription> Subscriptions { get; set; } = [];
}
