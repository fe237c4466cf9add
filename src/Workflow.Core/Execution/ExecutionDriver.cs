using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// Runs one execution: asks the <see cref="ExecutionPlanner"/> what is ready, runs those nodes concurrently,
/// applies each result (retries with durable backoff, timeouts, onError), and checkpoints through the host after
/// every completed node before its successors start. With <see cref="ExecutionServices.PipelineCheckpoints"/> on, a
/// checkpoint whose successors are all <see cref="ISideEffectFree"/> is pipelined: it is written with the next durable one, which comes before any node
/// with side effects starts, before the execution parks or settles, and at least every
/// <see cref="MaxDeferredCheckpoints"/> steps or <see cref="MaxDeferredAge"/>. Returns when the execution is terminal or has nothing to do
/// until a time (delay, backoff) or a signal. Not thread-safe: the host serialises calls (the grain does).
/// </summary>
public sealed partial class ExecutionDriver
{
    private static readonly HashSet<string> NonRetryable = new(StringComparer.Ordinal)
    {
        "invalid_config", "invalid_input", "expression_syntax", "loop_limit", "cancelled",
    };

    private readonly WorkflowDocument _workflow;
    private readonly ExecutionPlanner _planner;
    private readonly ExecutionServices _services;
    private readonly IExecutionHost _host;
    private readonly Dictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);
    private TaskCompletionSource _poke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _cancelRequested;
    private bool _startPending;

    public ExecutionDriver(WorkflowDocument workflow, WorkflowGraph graph, ExecutionState state, ExecutionServices services, IExecutionHost host)
    {
        _workflow = workflow;
        _planner = new ExecutionPlanner(graph);
        _services = services;
        _host = host;
        State = state;
        RecoverInFlight();
    }

    public ExecutionState State { get; }

    public ExecutionPlanner Planner => _planner;

    /// <summary>True while <see cref="RunAsync"/> is executing.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Initialises a new execution from its trigger.</summary>
    public void Start(string executionId, string triggerNodeId, JsonNode? triggerData)
    {
        var now = _services.Time.GetUtcNow();
        State.ExecutionId = executionId;
        _planner.Start(State, triggerNodeId, triggerData, now);
        if (_workflow.Settings.TimeoutSeconds is { } timeout and > 0)
        {
            State.Deadline = now.AddSeconds(timeout);
        }
        RunTriggerInline(triggerNodeId, now);
    }

    /// <summary>
    /// A trigger node only hands the trigger data on: it runs as part of the start, so the start's checkpoint is the
    /// checkpoint after it (one write and one turn less per execution). Should its executor not finish at once, the
    /// run loop applies it like any other node.
    /// </summary>
    private void RunTriggerInline(string triggerNodeId, DateTimeOffset now)
    {
        if (_planner.Graph.Nodes[triggerNodeId].Type != NodeTypes.Trigger
            || !_services.Nodes.TryGet(NodeTypes.Trigger, out var executor) || executor is not ISideEffectFree)
        {
            return;
        }
        StartNode(triggerNodeId, now, inline: true);
        if (_inFlight.TryGetValue(triggerNodeId, out var flight) && flight.Task.IsCompleted)
        {
            _inFlight.Remove(triggerNodeId);
            flight.Cancellation.Dispose();
            Apply(triggerNodeId, flight, flight.Task.Result);
        }
    }

    /// <summary>
    /// Asks to fold the start into the first durable checkpoint (before any node with side effects, before parking
    /// or settling) instead of the host writing it now. True when granted (pipelining is on); false means the host
    /// must checkpoint the start itself.
    /// </summary>
    public bool TryDeferStartCheckpoint() => _startPending = _services.PipelineCheckpoints;

    /// <summary>Asks a running loop to stop and cancel the execution.</summary>
    public void RequestCancel()
    {
        _cancelRequested = true;
        Poke();
    }

    /// <summary>Wakes a running loop to plan again (e.g. after a signal changed the state).</summary>
    public void Poke() => _poke.TrySetResult();

    /// <summary>
    /// Completes a parked node (waiting for a signal or a child execution) with an outside result: completed, or failed
    /// (then its <c>onError</c> applies; no retry, the work it waited for is done). Call between runs, then run.
    /// </summary>
    public void CompleteParked(string nodeId, NodeResult result)
    {
        var node = State.Node(nodeId);
        if (node.Status != NodeStatus.Waiting)
        {
            return;
        }
        node.AwaitingSignal = false;
        node.ResumeAt = null;
        var now = _services.Time.GetUtcNow();
        if (result.Outcome == NodeOutcome.Failed)
        {
            node.Status = NodeStatus.Running;
            var error = result.Error ?? new NodeError("node_failed", $"Node '{nodeId}' failed.");
            _planner.Fail(State, nodeId, error, CommonNodeConfig.Read(_planner.Graph.Nodes[nodeId].Config).OnError, now);
            _host.OnNodeEvent(new NodeEvent("failed", nodeId, State.Node(nodeId).Status, node.Attempts, null, error, null));
            return;
        }
        _planner.Complete(State, nodeId, result, now);
        _host.OnNodeEvent(new NodeEvent("completed", nodeId, NodeStatus.Completed, node.Attempts, null, null, node.Output));
    }

    /// <summary>Runs until terminal or suspended.</summary>
    public async Task<DriverOutcome> RunAsync(CancellationToken cancellationToken)
    {
        IsRunning = true;
        try
        {
            return await RunLoopAsync(cancellationToken);
        }
        finally
        {
            IsRunning = false;
        }
    }

    private async Task<DriverOutcome> RunLoopAsync(CancellationToken cancellationToken)
    {
        var dirty = true;
        var pending = _startPending;
        var deferred = 0;
        var lastDurable = _services.Time.GetUtcNow();
        _startPending = false;
        while (true)
        {
            var now = _services.Time.GetUtcNow();
            if (_cancelRequested)
            {
                _planner.CancelExecution(State, now);
            }
            else if (State.Deadline is { } deadline && now >= deadline && !State.Status.IsTerminal())
            {
                _planner.FailExecution(State, null, new NodeError("timeout", $"The workflow exceeded its timeout of {_workflow.Settings.TimeoutSeconds} s."), now);
            }
            var plan = _planner.Plan(State, now);
            foreach (var id in plan.Cancel)
            {
                CancelInFlight(id);
            }
            if (State.Status.IsTerminal() || (State.Status == ExecutionStatus.Paused && _inFlight.Count == 0))
            {
                foreach (var id in _inFlight.Keys.ToArray())
                {
                    CancelInFlight(id);
                }
                await _host.CheckpointAsync(State, cancellationToken);
                return new DriverOutcome(State.Status, null);
            }
            if (pending)
            {
                // Completions applied since the last durable checkpoint: written now, unless only side-effect-free
                // nodes are about to run, in which case the write is pipelined into the next durable checkpoint.
                pending = false;
                if (deferred < MaxDeferredCheckpoints && now - lastDurable < MaxDeferredAge && CanDeferCheckpoint(plan.Ready))
                {
                    deferred++;
                }
                else
                {
                    await _host.CheckpointAsync(State, cancellationToken);
                    deferred = 0;
                    dirty = false;
                    // The successors start now, after the write: their startedAt (and duration) leaves it out.
                    now = lastDurable = _services.Time.GetUtcNow();
                }
            }
            foreach (var id in plan.Ready)
            {
                if (!_inFlight.ContainsKey(id))
                {
                    StartNode(id, now);
                }
            }
            if (_inFlight.Count == 0)
            {
                if (dirty)
                {
                    await _host.CheckpointAsync(State, cancellationToken);
                }
                return new DriverOutcome(State.Status, plan.NextWakeAt);
            }

            _poke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waits = new List<Task>(_inFlight.Count + 2) { _poke.Task };
            foreach (var flight in _inFlight.Values)
            {
                waits.Add(flight.Task);
            }
            if (State.Deadline is { } due)
            {
                waits.Add(Task.Delay(Max(due - now, TimeSpan.Zero), _services.Time, cancellationToken));
            }
            await Task.WhenAny(waits);
            cancellationToken.ThrowIfCancellationRequested();

            dirty = false;
            List<(string Id, InFlight Flight)>? completed = null;
            foreach (var (id, flight) in _inFlight)
            {
                if (flight.Task.IsCompleted)
                {
                    (completed ??= []).Add((id, flight));
                }
            }
            foreach (var (id, flight) in completed ?? [])
            {
                _inFlight.Remove(id);
                flight.Cancellation.Dispose();
                Apply(id, flight, await flight.Task);
                dirty = true;
            }
            pending = dirty;
        }
    }

    private void StartNode(string nodeId, DateTimeOffset now, bool inline = false)
    {
        var definition = _planner.Graph.Nodes[nodeId];
        var node = State.Node(nodeId);
        var isLoopStep = definition.Type == NodeTypes.Loop && State.Loops.ContainsKey(nodeId);
        if (!isLoopStep)
        {
            _planner.MarkRunning(State, nodeId, now);
        }
        if (!_services.Nodes.TryGet(definition.Type, out var executor))
        {
            var unknown = Task.FromResult(NodeResult.Failed("unknown_node_type", $"Node type '{definition.Type}' is not available."));
            _inFlight[nodeId] = new InFlight(unknown, new CancellationTokenSource(), now);
            return;
        }
        var common = CommonNodeConfig.Read(definition.Config);
        var context = BuildContext(definition, node, isLoopStep);
        var cts = new CancellationTokenSource();
        var timeout = common.TimeoutSeconds is { } s and > 0 ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        _inFlight[nodeId] = new InFlight(RunNodeAsync(executor, context, timeout, inline, cts.Token), cts, now);
        if (!isLoopStep)
        {
            _host.OnNodeEvent(new NodeEvent("started", nodeId, NodeStatus.Running, node.Attempts, null, null, null));
        }
    }

    private async Task<NodeResult> RunNodeAsync(INodeExecutor executor, NodeContext context, TimeSpan? timeout, bool inline, CancellationToken cancellationToken)
    {
        if (!inline)
        {
            await Task.Yield();
        }
        try
        {
            var task = executor.ExecuteAsync(context, cancellationToken).AsTask();
            return timeout is { } t ? await task.WaitAsync(t, _services.Time, cancellationToken) : await task;
        }
        catch (TimeoutException)
        {
            return NodeResult.Failed("timeout", $"Node '{context.Node.Id}' timed out after {timeout!.Value.TotalSeconds} s.", retryable: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return NodeResult.Failed("cancelled", $"Node '{context.Node.Id}' was cancelled.");
        }
        catch (ExpressionException ex)
        {
            return NodeResult.Failed(ex.Code, ex.Message);
        }
#pragma warning disable CA1031 // A node's unexpected exception fails that node only; the host keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return NodeResult.Failed("node_exception", $"Node '{context.Node.Id}' threw {ex.GetType().Name}: {ex.Message}", retryable: true);
        }
    }

    private void Apply(string nodeId, InFlight flight, NodeResult result)
    {
        var now = _services.Time.GetUtcNow();
        var node = State.Node(nodeId);
        if (node.Status != NodeStatus.Running)
        {
            return; // cancelled while in flight (merge "first", execution cancel): the late result is ignored
        }
        var duration = (long)(now - flight.StartedAt).TotalMilliseconds;
        if (result.Outcome != NodeOutcome.Failed && OutputSize.Exceeds(result.Output, _services.MaxOutputBytes))
        {
            result = NodeResult.Failed("output_too_large",
                $"Node '{nodeId}' produced more than {_services.MaxOutputBytes:N0} bytes of output; reduce it (e.g. filter or aggregate first).");
        }
        switch (result.Outcome)
        {
            case NodeOutcome.Completed:
                _planner.Complete(State, nodeId, result, now);
                if (State.Node(nodeId).Status == NodeStatus.Completed)
                {
                    _host.OnNodeEvent(new NodeEvent("completed", nodeId, NodeStatus.Completed, node.Attempts, duration, null, node.Output));
                }
                break;
            case NodeOutcome.Suspended:
                _planner.Suspend(State, nodeId, result);
                _host.OnNodeEvent(new NodeEvent("waiting", nodeId, NodeStatus.Waiting, node.Attempts, duration, null, null));
                break;
            default:
                var error = result.Error ?? new NodeError("node_failed", $"Node '{nodeId}' failed.");
                var definition = _planner.Graph.Nodes[nodeId];
                var common = CommonNodeConfig.Read(definition.Config);
                var policy = common.RetryPolicy ?? _workflow.Settings.RetryPolicy;
                if (policy is not null && node.Attempts < policy.MaxAttempts && !NonRetryable.Contains(error.Code))
                {
                    node.Status = NodeStatus.Pending;
                    node.Error = error;
                    node.ResumeAt = now + policy.DelayBefore(node.Attempts + 1);
                    _host.OnNodeEvent(new NodeEvent("retrying", nodeId, NodeStatus.Pending, node.Attempts, duration, error, null));
                    break;
                }
                _planner.Fail(State, nodeId, error, common.OnError, now);
                _host.OnNodeEvent(new NodeEvent("failed", nodeId, State.Node(nodeId).Status, node.Attempts, duration, error, null));
                break;
        }
    }

    /// <summary>
    /// After a restart, nodes that were in flight go back to pending and run again with the same attempt number
    /// (so the same idempotency key).
    /// </summary>
    private void RecoverInFlight()
    {
        foreach (var (id, node) in State.Nodes)
        {
            var iterating = State.Loops.ContainsKey(id);
            if (node.Status == NodeStatus.Running && !iterating)
            {
                node.Status = NodeStatus.Pending;
                node.Attempts = Math.Max(0, node.Attempts - 1);
            }
        }
    }

    private void CancelInFlight(string nodeId)
    {
        if (_inFlight.Remove(nodeId, out var flight))
        {
            flight.Cancellation.Cancel();
            flight.Cancellation.Dispose();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record InFlight(Task<NodeResult> Task, CancellationTokenSource Cancellation, DateTimeOffset StartedAt);
}
