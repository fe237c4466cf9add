namespace Workflow.Grains.Storage;

/// <summary>
/// One queued write. The writer runs <see cref="Execute"/> inside a shared transaction and only completes the
/// caller's task after the commit, so a completed write is durable.
/// </summary>
internal abstract class SqliteWriteOperation
{
    /// <summary>Gets a value indicating whether the caller gave up before the write started.</summary>
    public abstract bool IsCancellationRequested { get; }

    /// <summary>Runs the statements of this write. An exception fails this write only, unless it ended the transaction.</summary>
    public abstract void Execute(SqliteWriteContext context);

    /// <summary>Records a failure of this write alone, reported after the batch commits.</summary>
    public abstract void SetError(Exception error);

    /// <summary>Completes the caller's task after the batch committed.</summary>
    public abstract void Complete();

    /// <summary>Fails the caller's task because the whole batch failed.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Cancels the caller's task; the write never ran.</summary>
    public abstract void Cancel();
}

/// <summary>A queued write producing a <typeparamref name="T"/>.</summary>
internal sealed class SqliteWriteOperation<T>(Func<SqliteWriteContext, T> work, CancellationToken cancellationToken)
    : SqliteWriteOperation
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    /// <summary>Gets the task completed when the write is committed.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc />
    public override bool IsCancellationRequested => cancellationToken.IsCancellationRequested;

    /// <inheritdoc />
    public override void Execute(SqliteWriteContext context) => _result = work(context);

    /// <inheritdoc />
    public override void SetError(Exception error) => _error = error;

    /// <inheritdoc />
    public override void Complete()
    {
        if (_error is null)
        {
            _completion.TrySetResult(_result!);
        }
        else
        {
            _completion.TrySetException(_error);
        }
    }

    /// <inheritdoc />
    public override void Fail(Exception error) => _completion.TrySetException(error);

    /// <inheritdoc />
    public override void Cancel() => _completion.TrySetCanceled(cancellationToken);
}
