using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Live;

/// <summary>
/// The watch lease of one workflow (key <c>{tenant}/{workflowId:N}</c>): while it holds, executions of the workflow
/// publish live events. Held in memory only; hub bridges renew the leases of their subscriptions periodically.
/// </summary>
[Alias("wf.IWorkflowWatchGrain")]
public interface IWorkflowWatchGrain : IGrainWithStringKey
{
    /// <summary>Extends the lease to at least now + <paramref name="lease"/>.</summary>
    [Alias("Watch")]
    Task WatchAsync(TimeSpan lease);

    /// <summary>When the lease ends (null or past: not watched).</summary>
    [Alias("LeaseUntil"), AlwaysInterleave]
    Task<DateTimeOffset?> GetLeaseUntilAsync();
}
