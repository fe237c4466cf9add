using Microsoft.Extensions.Logging;
using Workflow.Core.Expressions;
using Workflow.Grains.Abstractions.Triggers.Events;

namespace Workflow.Grains.Triggers.Events;

/// <summary>
/// The event subscriptions of one tenant, persisted in the <c>workflow</c> storage so they survive restarts. An event
/// matches a subscription when the type is equal, every condition is truthy (an expression error counts as false and
/// is logged) and the subscription has not started anything within its debounce window.
/// </summary>
[GrainType("eventrouter")]
public sealed partial class EventRouterGrain(
    [PersistentState("subscriptions", "workflow")] IPersistentState<EventRouterState> state,
    IExpressionEvaluator expressions,
    TimeProvider time,
    ILogger<EventRouterGrain> logger) : Grain, IEventRouterGrain
{
    /// <inheritdoc />
    public async Task SubscribeAsync(EventSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        state.State.Subscriptions.TryGetValue(subscription.Key, out var existing);
        state.State.Subscriptions[subscription.Key] = subscription with { LastStartedAt = existing?.LastStartedAt };
        await state.WriteStateAsync();
        LogSubscribed(this.GetPrimaryKeyString(), subscription.WorkflowId, subscription.NodeId, subscription.EventType);
    }

    /// <inheritdoc />
    public async Task UnsubscribeAsync(Guid workflowId, string nodeId)
    {
        if (state.State.Subscriptions.Remove(EventSubscription.KeyOf(workflowId, nodeId)))
        {
            await state.WriteStateAsync();
            LogUnsubscribed(this.GetPrimaryKeyString(), workflowId, nodeId);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventMatch>> MatchAsync(EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var candidates = state.State.Subscriptions.Values
            .Where(s => string.Equals(s.EventType, message.Type, StringComparison.Ordinal))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToArray();
        if (candidates.Length == 0)
        {
            return [];
        }

        var eventNode = EventTriggerData.From(message);
        var scope = (ExpressionScope.Empty with { Trigger = eventNode }).With("event", eventNode);
        var now = time.GetUtcNow();
        var matches = new List<EventMatch>();
        foreach (var subscription in candidates)
        {
            if (!ConditionsHold(subscription, scope))
            {
                continue;
            }
            if (subscription.DebounceMs > 0 && subscription.LastStartedAt is { } last && now - last < TimeSpan.FromMilliseconds(subscription.DebounceMs))
            {
                LogDebounced(this.GetPrimaryKeyString(), subscription.WorkflowId, subscription.NodeId, message.Type);
                continue;
            }
            state.State.Subscriptions[subscription.Key] = subscription with { LastStartedAt = now };
            matches.Add(new EventMatch(subscription.WorkflowId, subscription.NodeId));
        }
        if (matches.Count > 0)
        {
            await state.WriteStateAsync();
        }
        return matches;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventSubscription>> ListAsync() =>
        Task.FromResult<IReadOnlyList<EventSubscription>>(state.State.Subscriptions.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToArray());

    private bool ConditionsHold(EventSubscription subscription, ExpressionScope scope)
    {
        foreach (var condition in subscription.Conditions)
        {
            try
            {
                if (!EventTriggerData.IsTruthy(expressions.Evaluate(condition, scope)))
                {
                    return false;
                }
            }
            catch (ExpressionException error)
            {
                LogConditionFailed(error, this.GetPrimaryKeyString(), subscription.WorkflowId, subscription.NodeId);
                return false;
            }
        }
        return true;
    }
}
