using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Workflow.Grains.Abstractions.Triggers.Events;

namespace Workflow.Grains.Triggers.Events;

/// <summary>
/// Implicitly subscribed to every tenant's event stream, so each published event has at least one consumer that
/// proves the stream works; live views subscribe to the same stream. Counts live in memory only.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
[GrainType("eventstreamlog")]
public sealed partial class EventStreamLogGrain(ILogger<EventStreamLogGrain> logger) : Grain, IEventStreamLogGrain
{
    private long _received;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.ProviderName).GetStream<EventMessage>(EventStreams.For(this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((message, _) =>
        {
            _received++;
            LogReceived(this.GetPrimaryKeyString(), message.Type, message.Source);
            return Task.CompletedTask;
        });
        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> GetReceivedCountAsync() => Task.FromResult(_received);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {Tenant}: event {EventType} from {Source} on the stream")]
    private partial void LogReceived(string tenant, string eventType, string? source);
}
