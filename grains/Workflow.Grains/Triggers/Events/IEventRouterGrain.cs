using Workflow.Grains.Abstractions.Triggers.Events;

namespace Workflow.Grains.Triggers.Events;

/// <summary>
/// The event subscriptions of one tenant (key = tenant). It decides which triggers an event matches and records the
/// start time for debounce; it never calls other grains, so a workflow grain registering a trigger cannot deadlock
/// with an event being routed (starting executions is the caller's job, see <see cref="EventIngressGrain"/>).
/// </summary>
[Alias("wf.IEventRouterGrain")]
public interface IEventRouterGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the subscription of a workflow's trigger node.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(EventSubscription subscription);

    /// <summary>Removes the subscription of a workflow's trigger node; nothing when absent.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(Guid workflowId, string nodeId);

    /// <summary>The subscriptions matching <paramref name="message"/>; each one's debounce window starts now.</summary>
    [Alias("Match")]
    Task<IReadOnlyList<EventMatch>> MatchAsync(EventMessage message);

    /// <summary>Lists the subscriptions (for diagnostics and tests).</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<EventSubscription>> ListAsync();
}
