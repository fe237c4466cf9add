namespace Workflow.Grains.Storage;

/// <summary>An auto-reset signal awaited by one background loop; setting it while nobody waits is remembered once.</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiter;
    private bool _isSet;

    /// <summary>Gets a value indicating whether the signal is set and not yet consumed.</summary>
    public bool IsSet
    {
        get
        {
            lock (_gate)
            {
                return _isSet;
            }
        }
    }

    /// <summary>Wakes the waiter, or lets the next wait complete at once.</summary>
    public void Set()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = _waiter;
            _waiter = null;
            _isSet = waiter is null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Consumes the signal if set; otherwise returns a task completed by the next <see cref="Set"/>.</summary>
    public Task WaitAsync()
    {
        lock (_gate)
        {
            if (_isSet)
            {
                _isSet = false;
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    /// <summary>
    /// Forgets a pending set and an abandoned wait (one that lost a race against a timeout), so that the next
    /// <see cref="Set"/> is remembered rather than spent on a task nobody awaits.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _isSet = false;
            _waiter = null;
        }
    }
}
