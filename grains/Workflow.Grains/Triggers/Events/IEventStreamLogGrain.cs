namespace Workflow.Grains.Triggers.Events;

/// <summary>The implicit subscriber of a tenant's event stream (key = tenant): logs and counts what it receives.</summary>
[Alias("wf.IEventStreamLogGrain")]
public interface IEventStreamLogGrain : IGrainWithStringKey
{
    /// <summary>How many events this activation has received from the stream.</summary>
    [Alias("Received"), Orleans.Concurrency.ReadOnly]
    Task<long> GetReceivedCountAsync();
}
