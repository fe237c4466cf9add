using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Workflow.Grains.Abstractions.Triggers.Events;
using Workflow.Grains.Executions;

namespace Workflow.Grains.Triggers.Events;

/// <summary>
/// Publishes an event on its tenant's stream, asks the tenant's <see cref="IEventRouterGrain"/> which triggers match,
/// and starts those workflows (current version, must be active) with <c>{type, source, data}</c> as trigger data.
/// A stateless worker, so a burst of events is not serialised behind one activation; the router keeps the
/// per-subscription state (debounce) in one place.
/// </summary>
[StatelessWorker]
[GrainType("eventingress")]
public sealed partial class EventIngressGrain(ExecutionLauncher launcher, ILogger<EventIngressGrain> logger) : Grain, IEventIngressGrain
{
    /// <inheritdoc />
    public async Task<EventPublishResult> PublishAsync(EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tenant = this.GetPrimaryKeyString();
        await this.GetStreamProvider(EventStreams.ProviderName).GetStream<EventMessage>(EventStreams.For(tenant)).OnNextAsync(message);

        var matches = await GrainFactory.GetGrain<IEventRouterGrain>(tenant).MatchAsync(message);
        var started = new List<string>(matches.Count);
        foreach (var match in matches)
        {
            var result = await launcher.StartAsync(tenant, match.WorkflowId, match.NodeId, EventTriggerData.From(message), "event", requireActive: true);
            if (result is { } run)
            {
                started.Add(run.View.Id);
                LogStarted(tenant, match.WorkflowId, run.View.Id, message.Type);
            }
        }
        return new EventPublishResult { ExecutionIds = started };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: event {EventType} started execution {ExecutionId} of workflow {WorkflowId}")]
    private partial void LogStarted(string tenant, Guid workflowId, string executionId, string eventType);
}
