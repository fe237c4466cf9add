using Orleans.Streams;
using Workflow.Core.Execution;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Live;

namespace Workflow.Grains.Executions;

/// <summary>
/// Live events. Every event takes the next number of the persisted <see cref="ExecutionGrainState.EventSequence"/>
/// (a field increment); it is published onto the workflow's event stream only while someone watches this execution
/// (a lease taken through <see cref="WatchAsync"/>) or its workflow (<see cref="WatchLeaseCache"/>, a dictionary
/// lookup), so an unwatched execution pays nothing else. Publishing is fire-and-forget, in order, and never fails
/// the execution.
/// </summary>
public sealed partial class ExecutionGrain
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    private DateTimeOffset _watchedUntil;
    private IAsyncStream<ExecutionEvent>? _events;
    private Task _publishing = Task.CompletedTask;
    private HashSet<string>? _skippedSent;

    public Task<Guid?> WatchAsync(TimeSpan lease)
    {
        if (!state.State.IsStarted)
        {
            return Task.FromResult<Guid?>(null);
        }
        var until = services.Time.GetUtcNow() + lease;
        if (until > _watchedUntil)
        {
            _watchedUntil = until;
        }
        return Task.FromResult<Guid?>(state.State.WorkflowId);
    }

    public void OnNodeEvent(NodeEvent nodeEvent)
    {
        var sequence = ++state.State.EventSequence;
        if (!IsWatched())
        {
            return;
        }
        var output = nodeEvent.Output?.ToJsonString();
        var truncated = output is { Length: > ExecutionEventStreams.MaxOutputChars };
        Publish(NewEvent(ExecutionEventNames.ForNodeKind(nodeEvent.Kind), sequence, nodeEvent.Status.ToWire()) with
        {
            NodeId = nodeEvent.NodeId,
            Attempt = nodeEvent.Attempt,
            DurationMs = nodeEvent.DurationMs,
            Error = nodeEvent.Error is { } e ? new ExecutionErrorView(e.Code, e.Message, nodeEvent.NodeId) : null,
            OutputJson = truncated ? output![..ExecutionEventStreams.MaxOutputChars] : output,
            OutputTruncated = truncated,
        });
    }

    /// <summary>
    /// Numbers the events a checkpoint reports (status change; skipped nodes while watched) before the state is
    /// written, so their sequence numbers are durable; <see cref="PublishAll"/> sends them after the write.
    /// </summary>
    private List<ExecutionEvent>? CheckpointEvents(ExecutionState execution, bool statusChanged)
    {
        List<ExecutionEvent>? events = null;
        var watched = IsWatched();
        if (watched)
        {
            foreach (var (nodeId, node) in execution.Nodes)
            {
                if (node.Status == NodeStatus.Skipped && (_skippedSent ??= new(StringComparer.Ordinal)).Add(nodeId))
                {
                    (events ??= []).Add(NewEvent(ExecutionEventNames.NodeSkipped, ++state.State.EventSequence, "skipped") with { NodeId = nodeId });
                }
            }
        }
        if (statusChanged)
        {
            var sequence = ++state.State.EventSequence;
            if (watched)
            {
                (events ??= []).Add(NewEvent(ExecutionEventNames.ExecutionStatusChanged, sequence, execution.Status.ToWire()) with
                {
                    DurationMs = execution.CompletedAt is { } end ? (long)(end - execution.StartedAt).TotalMilliseconds : null,
                    Error = execution.Error is { } e ? new ExecutionErrorView(e.Code, e.Message, execution.FailedNodeId) : null,
                });
            }
        }
        return events;
    }

    private void PublishAll(List<ExecutionEvent>? events)
    {
        if (events is null)
        {
            return;
        }
        foreach (var e in events)
        {
            Publish(e);
        }
    }

    private bool IsWatched() =>
        services.Time.GetUtcNow() < _watchedUntil || leases.IsWatched(state.State.TenantId, state.State.WorkflowId);

    private ExecutionEvent NewEvent(string name, long sequence, string status) => new()
    {
        Name = name,
        Tenant = state.State.TenantId,
        ExecutionId = state.State.Execution.ExecutionId,
        WorkflowId = state.State.WorkflowId,
        Sequence = sequence,
        Timestamp = services.Time.GetUtcNow(),
        Status = status,
    };

    private void Publish(ExecutionEvent e)
    {
        _events ??= this.GetStreamProvider(ExecutionEventStreams.ProviderName)
            .GetStream<ExecutionEvent>(ExecutionEventStreams.For(state.State.TenantId, state.State.WorkflowId));
        _publishing = PublishAfterAsync(_publishing, _events, e);
    }

    /// <summary>Chained so events leave in sequence order; a failure is logged, never thrown.</summary>
    private async Task PublishAfterAsync(Task previous, IAsyncStream<ExecutionEvent> stream, ExecutionEvent e)
    {
        await previous;
        try
        {
            await stream.OnNextAsync(e);
        }
#pragma warning disable CA1031 // Live events are best effort: the execution must not notice a failed publish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, ex, this.GetPrimaryKeyString(), e.Name, e.Sequence);
        }
    }

    /// <summary>Deactivates a finished execution once its last events are out (at once when none are pending).</summary>
    private void DeactivateWhenPublished()
    {
        if (_publishing.IsCompleted)
        {
            DeactivateOnIdle();
            return;
        }
        _ = DeactivateAfterPublishAsync();
    }

    private async Task DeactivateAfterPublishAsync()
    {
        try
        {
            await _publishing.WaitAsync(FlushTimeout, services.Time);
        }
        catch (TimeoutException)
        {
        }
        DeactivateOnIdle();
    }
}
