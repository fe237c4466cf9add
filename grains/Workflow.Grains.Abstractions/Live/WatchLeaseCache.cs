using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Abstractions.Live;

/// <summary>
/// Per-process answer to "is this workflow watched?", asked on every node event, so it must cost a dictionary
/// lookup. An entry is trusted until its lease ends, or, when not watched, for <see cref="Ttl"/>; then one background
/// call to the <see cref="IWorkflowWatchGrain"/> refreshes it while callers keep the stale answer (never a wait on the
/// execution's path). The hub marks its own process at once when a client subscribes; other silos follow within the TTL.
/// </summary>
public sealed partial class WatchLeaseCache(IGrainFactory grains, TimeProvider time, ILogger<WatchLeaseCache> logger)
{
    /// <summary>How long "not watched" is trusted before the lease is looked up again.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, Guid WorkflowId), Entry> _entries = new();

    /// <summary>True while the workflow has a watch lease (as far as this process knows).</summary>
    public bool IsWatched(string tenant, Guid workflowId)
    {
        var now = time.GetUtcNow();
        var key = (tenant, workflowId);
        if (_entries.TryGetValue(key, out var entry))
        {
            if (now >= entry.RefreshAt && entry.TryClaimRefresh())
            {
                _ = RefreshAsync(key);
            }
            return now < entry.LeaseUntil;
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        var fresh = new Entry(DateTimeOffset.MinValue, now + Ttl);
        if (_entries.TryAdd(key, fresh) && fresh.TryClaimRefresh())
        {
            _ = RefreshAsync(key);
        }
        return false;
    }

    /// <summary>Records a lease this process just took (the subscribing hub), so local executions see it at once.</summary>
    public void MarkWatched(string tenant, Guid workflowId, DateTimeOffset leaseUntil) =>
        _entries[(tenant, workflowId)] = new Entry(leaseUntil, leaseUntil);

    private async Task RefreshAsync((string Tenant, Guid WorkflowId) key)
    {
        try
        {
            var until = await grains.GetGrain<IWorkflowWatchGrain>(GrainKeys.For(key.Tenant, key.WorkflowId)).GetLeaseUntilAsync()
                ?? DateTimeOffset.MinValue;
            var now = time.GetUtcNow();
            _entries[key] = new Entry(until, until > now ? until : now + Ttl);
        }
#pragma warning disable CA1031 // A failed lookup keeps the old answer; the next event tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRefreshFailed(logger, ex, key.Tenant, key.WorkflowId);
            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = new Entry(entry.LeaseUntil, time.GetUtcNow() + Ttl);
            }
        }
    }

    private sealed class Entry(DateTimeOffset leaseUntil, DateTimeOffset refreshAt)
    {
        private int _refreshing;

        public DateTimeOffset LeaseUntil { get; } = leaseUntil;

        public DateTimeOffset RefreshAt { get; } = refreshAt;

        public bool TryClaimRefresh() => Interlocked.Exchange(ref _refreshing, 1) == 0;
    }
}
