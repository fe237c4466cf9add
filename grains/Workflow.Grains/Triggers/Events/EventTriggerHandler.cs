using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Triggers.Events;

/// <summary>
/// The <c>event</c> trigger kind: on activation subscribes the trigger node (<c>eventType</c>, <c>conditions</c>,
/// <c>debounceMs</c>) with the tenant's <see cref="IEventRouterGrain"/>; on deactivation removes it.
/// </summary>
public sealed partial class EventTriggerHandler(IGrainFactory grains, ILogger<EventTriggerHandler> logger) : ITriggerHandler
{
    /// <inheritdoc />
    public string Kind => "event";

    /// <inheritdoc />
    public async Task ActivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var config = registration.Config;
        if (Text(config["eventType"]) is not { Length: > 0 } eventType)
        {
            LogNoEventType(registration.Tenant, registration.WorkflowId, registration.NodeId);
            return;
        }
        var conditions = config["conditions"] switch
        {
            JsonArray array => array.Select(Text).OfType<string>().Where(c => c.Trim().Length > 0).ToArray(),
            JsonValue single when Text(single) is { Length: > 0 } one => [one],
            _ => [],
        };
        var debounce = config["debounceMs"] is JsonValue d && d.TryGetValue<double>(out var ms) ? (int)Math.Clamp(ms, 0, int.MaxValue) : 0;
        await grains.GetGrain<IEventRouterGrain>(registration.Tenant).SubscribeAsync(new EventSubscription
        {
            WorkflowId = registration.WorkflowId,
            Version = registration.Version,
            NodeId = registration.NodeId,
            EventType = eventType,
            Conditions = conditions,
            DebounceMs = debounce,
        });
    }

    /// <inheritdoc />
    public Task DeactivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return grains.GetGrain<IEventRouterGrain>(registration.Tenant).UnsubscribeAsync(registration.WorkflowId, registration.NodeId);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: event trigger {NodeId} of workflow {WorkflowId} has no eventType; not subscribed")]
    private partial void LogNoEventType(string tenant, Guid workflowId, string nodeId);
}
