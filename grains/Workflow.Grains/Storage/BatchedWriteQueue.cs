namespace Workflow.Grains.Storage;

/// <summary>
/// Queues items in memory and writes them in batches from one background loop: every <c>flushInterval</c>, at once
/// when the queue reaches <c>maxBatchSize</c> or a flush is awaited. A failed write puts the batch back and fails the
/// flushes waiting for it; the loop tries again on the next signal. Disposal stops accepting items and writes what is
/// queued. Subclasses own the batch type (a list, or a map that collapses updates) and the SQL.
/// </summary>
/// <typeparam name="TBatch">The pending collection.</typeparam>
public abstract class BatchedWriteQueue<TBatch> : IAsyncDisposable, IDisposable where TBatch : class
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _flushInterval;
    private readonly Lock _gate = new();
    private readonly AsyncSignal _work = new();
    private readonly AsyncSignal _urgent = new();
    private readonly List<(long Target, TaskCompletionSource Stored)> _waiters = [];
    private Task _loop = Task.CompletedTask;
    private TBatch _pending;
    private long _queued;
    private long _stored;
    private bool _stopping;

    protected BatchedWriteQueue(TimeProvider timeProvider, TimeSpan flushInterval, int maxBatchSize)
    {
        _timeProvider = timeProvider;
        _flushInterval = flushInterval;
        MaxBatchSize = Math.Max(1, maxBatchSize);
        _pending = NewBatch();
    }

    /// <summary>The largest batch written in one transaction.</summary>
    protected int MaxBatchSize { get; }

    /// <summary>The lock guarding the queue; subclasses take it for their own lazily created state.</summary>
    protected Lock Gate => _gate;

    /// <summary>Flushes everything queued so far.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource stored;
        lock (_gate)
        {
            if (_stored >= _queued)
            {
                return Task.CompletedTask;
            }
            stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_queued, stored));
        }
        _work.Set();
        _urgent.Set();
        return stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting items and writes everything queued.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
        }
        _work.Set();
        _urgent.Set();
        await _loop.ConfigureAwait(false);
        List<(long Target, TaskCompletionSource Stored)> abandoned;
        lock (_gate)
        {
            abandoned = [.. _waiters];
            _waiters.Clear();
        }
        foreach (var waiter in abandoned)
        {
            waiter.Stored.TrySetException(new ObjectDisposedException(GetType().Name));
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Synchronous disposal; blocks until the queued items are written, since they were accepted.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Starts the writer loop; call at the end of the subclass constructor.</summary>
    protected void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Adds one item under the lock; <paramref name="add"/> returns the queue length after adding.</summary>
    protected void Enqueue(Func<TBatch, int> add)
    {
        int count;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            count = add(_pending);
            _queued++;
        }
        if (count == 1)
        {
            _work.Set();
        }
        if (count >= MaxBatchSize)
        {
            _urgent.Set();
        }
    }

    protected abstract TBatch NewBatch();

    protected abstract int CountOf(TBatch batch);

    /// <summary>Writes one batch durably; throws when it could not.</summary>
    protected abstract Task WriteAsync(TBatch batch);

    /// <summary>Puts a failed batch back in front of what was queued meanwhile (called under the lock).</summary>
    protected abstract void Requeue(TBatch failed, TBatch pending);

    /// <summary>True when the database is gone, so a failed batch can never be written.</summary>
    protected abstract bool StoreDisposed { get; }

    protected abstract void OnWriteFailed(Exception error, int count);

    protected abstract void OnLost(int count);

    private async Task RunAsync()
    {
        var stop = false;
        while (!stop)
        {
            await _work.WaitAsync().ConfigureAwait(false);
            if (!_urgent.IsSet && _flushInterval > TimeSpan.Zero)
            {
                // Waiting lets a burst share one transaction (and repeated updates of one key collapse).
                using var cancelDelay = new CancellationTokenSource();
                var delay = Task.Delay(_flushInterval, _timeProvider, cancelDelay.Token);
                await Task.WhenAny(delay, _urgent.WaitAsync()).ConfigureAwait(false);
                await cancelDelay.CancelAsync().ConfigureAwait(false);
            }
            _urgent.Reset();
            stop = await WritePendingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the queue; returns true when stopping and nothing is left to do.</summary>
    private async Task<bool> WritePendingAsync()
    {
        TBatch batch;
        long batchEnd;
        bool stopping;
        lock (_gate)
        {
            batch = _pending;
            batchEnd = _queued;
            stopping = _stopping;
            if (CountOf(batch) > 0)
            {
                _pending = NewBatch();
            }
        }
        if (CountOf(batch) > 0)
        {
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                OnWriteFailed(error, CountOf(batch));
                List<TaskCompletionSource> failed;
                lock (_gate)
                {
                    Requeue(batch, _pending);
                    failed = TakeWaiters(batchEnd);
                }
                failed.ForEach(waiter => waiter.TrySetException(error));
                if (stopping || StoreDisposed)
                {
                    OnLost(CountOf(batch));
                    return true;
                }
                _work.Set();
                return false;
            }
        }
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _stored = Math.Max(_stored, batchEnd);
            done = TakeWaiters(_stored);
            stopping = _stopping && CountOf(_pending) == 0;
        }
        done.ForEach(waiter => waiter.TrySetResult());
        return stopping;
    }

    private List<TaskCompletionSource> TakeWaiters(long upTo)
    {
        var taken = _waiters.FindAll(waiter => waiter.Target <= upTo).ConvertAll(waiter => waiter.Stored);
        _waiters.RemoveAll(waiter => waiter.Target <= upTo);
        return taken;
    }
}
