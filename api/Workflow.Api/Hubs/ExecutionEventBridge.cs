using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Live;

namespace Workflow.Api.Hubs;

/// <summary>
/// Bridges the execution-event streams to this silo's hub connections. <see cref="IHubContext{THub}"/> reaches only
/// the connections of its own process, so every silo subscribes to the streams its own clients need — one stream
/// subscription per watched (tenant, workflow), shared by all local subscribers — and forwards each event to the
/// execution's and the workflow's groups. It also renews the watch leases of its subscriptions, so a lease lost with
/// a deactivated grain comes back within <see cref="RenewEvery"/>, and lapses when its subscribers are gone.
/// </summary>
public sealed partial class ExecutionEventBridge(
    IClusterClient cluster, WatchLeaseCache leases, IHubContext<ExecutionHub> hub, TimeProvider time, ILogger<ExecutionEventBridge> logger)
    : BackgroundService
{
    /// <summary>How long a watch lease lasts without renewal.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(40);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, HashSet<HubSubscription>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tenant, Guid WorkflowId), StreamInterest> _streams = [];

    /// <summary>Records the subscription, makes sure its stream is subscribed, and takes the workflow's lease.</summary>
    public async Task SubscribeAsync(string connectionId, HubSubscription subscription, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_byConnection.TryGetValue(connectionId, out var subscriptions))
            {
                _byConnection[connectionId] = subscriptions = [];
            }
            if (subscriptions.Add(subscription))
            {
                await AddStreamInterestAsync((subscription.Tenant, subscription.WorkflowId));
            }
        }
        finally
        {
            _gate.Release();
        }
        if (subscription.Kind == HubSubscription.WorkflowKind)
        {
            await RenewAsync(subscription);
        }
    }

    /// <summary>Forgets one subscription; returns it, or null when the connection did not have it.</summary>
    public async Task<HubSubscription?> UnsubscribeAsync(string connectionId, string kind, string tenant, string id)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_byConnection.TryGetValue(connectionId, out var subscriptions) ||
                subscriptions.FirstOrDefault(s => s.Kind == kind && s.Tenant == tenant && s.Id == id) is not { } subscription)
            {
                return null;
            }
            subscriptions.Remove(subscription);
            await RemoveStreamInterestAsync((subscription.Tenant, subscription.WorkflowId));
            return subscription;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets every subscription of a closed connection (SignalR drops its groups itself).</summary>
    public async Task RemoveConnectionAsync(string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_byConnection.Remove(connectionId, out var subscriptions))
            {
                return;
            }
            foreach (var subscription in subscriptions)
            {
                await RemoveStreamInterestAsync((subscription.Tenant, subscription.WorkflowId));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RenewLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or disposed after a failed start): nothing left to renew.
        }
    }

    private async Task RenewLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            HubSubscription[] current;
            await _gate.WaitAsync(stoppingToken);
            try
            {
                current = _byConnection.Values.SelectMany(s => s).Distinct().ToArray();
            }
            finally
            {
                _gate.Release();
            }
            foreach (var subscription in current)
            {
                await RenewAsync(subscription);
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task RenewAsync(HubSubscription subscription)
    {
        try
        {
            if (subscription.Kind == HubSubscription.WorkflowKind)
            {
                var until = time.GetUtcNow() + Lease;
                await cluster.GetGrain<IWorkflowWatchGrain>(GrainKeys.For(subscription.Tenant, subscription.WorkflowId)).WatchAsync(Lease);
                leases.MarkWatched(subscription.Tenant, subscription.WorkflowId, until);
            }
            else
            {
                await cluster.GetGrain<IExecutionGrain>(GrainKeys.For(subscription.Tenant, subscription.Id)).WatchAsync(Lease);
            }
        }
#pragma warning disable CA1031 // A failed renewal is retried on the next tick; the hub keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRenewFailed(logger, ex, subscription.Group);
        }
    }

    private async Task AddStreamInterestAsync((string Tenant, Guid WorkflowId) key)
    {
        if (_streams.TryGetValue(key, out var interest))
        {
            interest.Count++;
            return;
        }
        var stream = cluster.GetStreamProvider(ExecutionEventStreams.ProviderName)
            .GetStream<ExecutionEvent>(ExecutionEventStreams.For(key.Tenant, key.WorkflowId));
        var handle = await stream.SubscribeAsync((e, _) => ForwardAsync(e));
        _streams[key] = new StreamInterest(handle) { Count = 1 };
    }

    private async Task RemoveStreamInterestAsync((string Tenant, Guid WorkflowId) key)
    {
        if (!_streams.TryGetValue(key, out var interest) || --interest.Count > 0)
        {
            return;
        }
        _streams.Remove(key);
        try
        {
            await interest.Handle.UnsubscribeAsync();
        }
#pragma warning disable CA1031 // The subscription dies with the silo anyway; nothing to undo.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnsubscribeFailed(logger, ex, key.Tenant, key.WorkflowId);
        }
    }

    private async Task ForwardAsync(ExecutionEvent e)
    {
        try
        {
            var groups = new[] { HubSubscription.ExecutionGroup(e.Tenant, e.ExecutionId), HubSubscription.WorkflowGroup(e.Tenant, e.WorkflowId) };
            await hub.Clients.Groups(groups).SendAsync(e.Name, LiveEvent.From(e));
        }
#pragma warning disable CA1031 // One client's failure must not stop the stream for the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogForwardFailed(logger, ex, e.ExecutionId, e.Name);
        }
    }

    private sealed class StreamInterest(StreamSubscriptionHandle<ExecutionEvent> handle)
    {
        public StreamSubscriptionHandle<ExecutionEvent> Handle { get; } = handle;

        public int Count { get; set; }
    }
}
