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

    /// <summary>Gets a value indicating whether <see cref="State"/> holds what is stored (read, or known to be new).</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Gets the state; meaningful once <see cref="IsLoaded"/>.</summary>
    public T State => _state.State!;

    /// <summary>Reads the stored state.</summary>
    public async Task LoadAsync()
    {
        await storage.ReadStateAsync(stateName, grainId(), _state);
        IsLoaded = true;
    }

    /// <summary>Takes the state as new without reading: only for a grain whose id nobody can have used before.</summary>
    public void LoadNew() => IsLoaded = true;

    /// <summary>Writes the state (an insert while nothing is stored: a row that exists after all is a conflict).</summary>
    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId(), _state);
}
