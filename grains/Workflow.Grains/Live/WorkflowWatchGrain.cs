using Workflow.Grains.Abstractions.Live;

namespace Workflow.Grains.Live;

/// <summary>The in-memory watch lease of one workflow; lost on deactivation, which the bridges' renewals repair.</summary>
public sealed class WorkflowWatchGrain(TimeProvider time) : Grain, IWorkflowWatchGrain
{
    private DateTimeOffset? _until;

    public Task WatchAsync(TimeSpan lease)
    {
        var until = time.GetUtcNow() + lease;
        if (_until is null || until > _until)
        {
            _until = until;
        }
        // Stay active at least as long as the lease (the default idle collection could otherwise drop it).
        DelayDeactivation(lease);
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetLeaseUntilAsync() => Task.FromResult(_until);
}
