namespace Workflow.Grains.Triggers.Events;

/// <summary>Names of the Orleans stream that carries events: one stream per tenant (stream key = tenant).</summary>
public static class EventStreams
{
    /// <summary>The stream provider name (a memory stream provider in a single silo).</summary>
    public const string ProviderName = "events";

    /// <summary>The stream namespace.</summary>
    public const string Namespace = "events";

    /// <summary>The stream of <paramref name="tenant"/>.</summary>
    public static StreamId For(string tenant) => StreamId.Create(Namespace, tenant);
}
