using System.Collections.Concurrent;

namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>
/// Per-process cache of webhook routes (a null route caches "nothing here"). Entries live <see cref="Ttl"/>;
/// the webhook trigger handler invalidates a path on (de)activation in its own process, other silos see the
/// change within the TTL. A fill that started before an invalidation is dropped, so it cannot resurrect a route.
/// </summary>
public sealed class WebhookRouteCache(TimeProvider time)
{
    /// <summary>How long an entry is trusted without an invalidation.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The current generation; pass it to <see cref="Set"/> after loading a route.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string key, out WebhookRoute? route)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetTimestamp() < entry.ExpiresAt)
        {
            route = entry.Route;
            return true;
        }
        route = null;
        return false;
    }

    /// <summary>Stores a loaded route unless something was invalidated since <paramref name="generation"/>.</summary>
    public void Set(string key, WebhookRoute? route, long generation)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        var expires = time.GetTimestamp() + (long)(Ttl.TotalSeconds * time.TimestampFrequency);
        _entries[key] = new Entry(route, expires);
        if (Generation != generation)
        {
            _entries.TryRemove(key, out _);
        }
    }

    public void Invalidate(string key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    private sealed record Entry(WebhookRoute? Route, long ExpiresAt);
}
