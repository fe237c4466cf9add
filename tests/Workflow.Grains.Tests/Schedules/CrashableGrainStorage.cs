using System.Collections.Concurrent;
using Orleans.Storage;
using Workflow.Grains.Triggers.Schedules;

namespace Workflow.Grains.Tests.Schedules;

/// <summary>
/// The workflow grain storage of a silo that is about to be killed. A killed process writes nothing more, but an
/// in-process silo stopped by <c>KillSiloAsync</c> still runs its turns to the end: after <see cref="Crash"/>, every
/// write fails instead. <see cref="HoldScheduleWrites"/> stops each schedule trigger at its next state write recording
/// a newly fired instant as done (not a write that changes nothing, as after a timer that woke a little early) until
/// the crash, so that this instant is in flight when the silo dies.
/// </summary>
public sealed class CrashableGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<GrainId, DateTimeOffset?> _held = new();
    private readonly ConcurrentDictionary<GrainId, DateTimeOffset?> _stored = new();
    private volatile bool _holdSchedules;

    /// <summary>Gets the schedule triggers stopped at a write, with the instant the held write would have recorded as fired.</summary>
    public IReadOnlyDictionary<GrainId, DateTimeOffset?> Held => _held;

    public void HoldScheduleWrites() => _holdSchedules = true;

    public void Crash() => _crashed.TrySetResult();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await inner.ReadStateAsync(stateName, grainId, grainState);
        if (grainState.State is ScheduleTriggerState schedule)
        {
            _stored[grainId] = schedule.LastFiredAt;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var schedule = grainState.State as ScheduleTriggerState;
        if (_holdSchedules && schedule?.LastFiredAt is { } fired && fired != _stored.GetValueOrDefault(grainId) && _held.TryAdd(grainId, fired))
        {
            await _crashed.Task;
        }
        ThrowIfCrashed();
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (schedule is not null)
        {
            _stored[grainId] = schedule.LastFiredAt;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowIfCrashed();
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private void ThrowIfCrashed()
    {
        if (_crashed.Task.IsCompleted)
        {
            throw new OrleansException("The silo crashed; nothing it writes reaches the file any more.");
        }
    }
}
