using Orleans.Storage;

namespace Workflow.Grains.Storage;

/// <summary>
/// A grain's persistent state that is read when the grain first needs it rather than at every activation, so a
/// grain that knows it is brand new (an execution whose caller just drew its random id) skips a read that can only
/// come back empty. Reads and writes go straight to the grain storage, with its ETag checks.
/// </summary>
/// <typeparam name="T">The state type.</typeparam>
public sealed class OnDemandState<T>(IGrainStorage storage, string stateName, Func<GrainId> grainId)
    where T : new()
{
    private readonly GrainState<T> _state = new(new T());
    private Task _lastWrite = Task.CompletedTask;

    /// <summary>Gets the state: empty until <see cref="LoadAsync"/>, which a grain known to be new need not call.</summary>
    public T State => _state.State!;

    /// <summary>Reads the stored state.</summary>
    public Task LoadAsync() => storage.ReadStateAsync(stateName, grainId(), _state);

    /// <summary>
    /// Writes the state (an insert while nothing is stored: a row that exists after all is a conflict). Writes run
    /// one after the other, as Orleans' own persistent state does: a write started while another is in flight (a
    /// grain call interleaving with the grain's background work) would expect the ETag the first one replaces.
    /// </summary>
    public Task WriteStateAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
#pragma warning disable CA1031 // The previous write's caller sees its failure; this write is tried regardless.
        catch
#pragma warning restore CA1031
        {
        }
        await storage.WriteStateAsync(stateName, grainId(), _state);
    }
}
