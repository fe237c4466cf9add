namespace Workflow.Grains.Abstractions.Triggers.Events;

/// <summary>
/// The entry point for events of one tenant (key = tenant): publishes the event on the tenant's Orleans stream and
/// starts every active workflow whose event trigger matches it (type, conditions, debounce).
/// </summary>
[Alias("wf.IEventIngressGrain")]
public interface IEventIngressGrain : IGrainWithStringKey
{
    /// <summary>Publishes <paramref name="message"/> and starts the matching workflows.</summary>
    /// <param name="message">The event.</param>
    /// <returns>The started executions.</returns>
    [Alias("Publish")]
    Task<EventPublishResult> PublishAsync(EventMessage message);
}
