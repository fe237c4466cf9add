using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Core.Execution;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Executions;

/// <summary>
/// One execution. Thin: loads the checkpoint, lets the Core <see cref="ExecutionDriver"/> plan and run nodes,
/// persists every checkpoint, and arranges durable wake-ups (grain timer for short waits, reminder for long ones;
/// after a restart the recovery task reactivates every non-terminal execution).
/// </summary>
[GrainType(ExecutionRecovery.GrainType)]
public sealed partial class ExecutionGrain(
    [PersistentState("execution", "workflow")] IPersistentState<ExecutionGrainState> state,
    ExecutionServices services,
    PinnedWorkflowCache workflows,
    IExecutionHistoryStore history,
    ExecutionLauncher launcher,
    ILogger<ExecutionGrain> logger) : Grain, IExecutionGrain, IRemindable, IExecutionHost
{
    private const string WakeReminder = "wake";
    private static readonly TimeSpan ReminderThreshold = TimeSpan.FromMinutes(1);

    private readonly List<TaskCompletionSource> _waiters = [];
    private ExecutionDriver? _driver;
    private PinnedWorkflow? _workflow;
    private Task? _running;
    private IGrainTimer? _timer;
    private ExecutionStatus _lastRecorded = (ExecutionStatus)(-1);

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.NeedsRecovery)
        {
            Load();
            _lastRecorded = state.State.Execution.Status;
            Drive();
        }
        return Task.CompletedTask;
    }

    public async Task<ExecutionView> StartAsync(StartExecution request)
    {
        if (state.State.WorkflowJson.Length > 0)
        {
            return View();
        }
        var executionId = GrainKeys.Split(this.GetPrimaryKeyString()).Id;
        state.State.TenantId = Tenant;
        state.State.WorkflowId = request.WorkflowId;
        state.State.WorkflowVersion = request.WorkflowVersion;
        state.State.WorkflowJson = request.WorkflowJson;
        state.State.TriggeredBy = request.TriggeredBy;
        state.State.ParentKey = request.ParentKey;
        state.State.ParentNodeId = request.ParentNodeId;
        state.State.Execution.Tenant = Tenant;
        state.State.Execution.Depth = request.Depth;
        Load();
        var trigger = request.TriggerNodeId ?? FirstTrigger(_workflow!.Document.Definition);
        var data = request.TriggerJson is null ? null : JsonNode.Parse(request.TriggerJson);
        _driver!.Start(executionId, trigger, data);
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
        return View();
    }

    public Task<ExecutionView?> GetAsync() => Task.FromResult(state.State.WorkflowJson.Length == 0 ? null : View());

    public async Task<ExecutionView?> WaitAsync(TimeSpan timeout)
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return null;
        }
        if (!IsSettled())
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(waiter);
            try
            {
                await waiter.Task.WaitAsync(timeout, services.Time);
            }
            catch (TimeoutException)
            {
                _waiters.Remove(waiter);
            }
        }
        return View();
    }

    public async Task<ControlResult> CancelAsync()
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return NotFound();
        }
        if (state.State.Execution.Status.IsTerminal())
        {
            return new ControlResult { ErrorCode = "invalid_state", ErrorMessage = $"Execution is already {state.State.Execution.Status.ToWire()}." };
        }
        Load();
        var children = state.State.Execution.Nodes.Values.Select(SubworkflowCompletion.AwaitedChild).OfType<string>().ToArray();
        // The driver handles the request on its next turn; if it is between runs (waiting), start one.
        _driver!.RequestCancel();
        if (_running is { IsCompleted: false })
        {
            await _running;
        }
        if (!state.State.Execution.Status.IsTerminal())
        {
            Drive();
            await _running!;
        }
        foreach (var child in children)
        {
            await GrainFactory.GetGrain<IExecutionGrain>(GrainKeys.For(Tenant, child)).CancelAsync();
        }
        return new ControlResult { View = View() };
    }

    public async Task<ControlResult> RetryAsync()
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return NotFound();
        }
        if (state.State.Execution.Status != ExecutionStatus.Failed)
        {
            return InvalidState("Only a failed execution can be retried.");
        }
        Load();
        _driver!.Planner.PrepareRetry(state.State.Execution);
        _driver = new ExecutionDriver(_workflow!.Document, _workflow.Graph, state.State.Execution, services, this);
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
        return new ControlResult { View = View() };
    }

    public Task RecoverAsync()
    {
        if (state.State.NeedsRecovery && _running is null or { IsCompleted: true })
        {
            Load();
            Drive();
        }
        return Task.CompletedTask;
    }

    public async Task<ControlResult> SignalAsync(string nodeId, string? payloadJson)
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return NotFound();
        }
        Load();
        var payload = payloadJson is null ? null : JsonNode.Parse(payloadJson);
        var outcome = _driver!.Planner.Signal(state.State.Execution, nodeId, payload, services.Time.GetUtcNow());
        if (outcome != SignalOutcome.Delivered)
        {
            return outcome == SignalOutcome.UnknownNode
                ? new ControlResult { ErrorCode = "unknown_node", ErrorMessage = $"The workflow has no node '{nodeId}'." }
                : new ControlResult { ErrorCode = "not_waiting", ErrorMessage = $"Node '{nodeId}' is not waiting for a signal." };
        }
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
        return new ControlResult { View = View() };
    }

    public async Task ChildCompletedAsync(ChildOutcome outcome)
    {
        if (!state.State.NeedsRecovery)
        {
            return;
        }
        Load();
        state.State.ChildOutcomes[outcome.ChildExecutionId] = outcome;
        ApplyChildOutcomes();
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
    }

    /// <summary>Completes parked subworkflow nodes whose child has reported; keeps reports whose node is not parked yet.</summary>
    private bool ApplyChildOutcomes()
    {
        var applied = false;
        foreach (var (childId, outcome) in state.State.ChildOutcomes.ToArray())
        {
            var node = state.State.Execution.Node(outcome.ParentNodeId);
            if (node.Status == NodeStatus.Running)
            {
                continue; // the node is still starting the child; it parks on this turn
            }
            state.State.ChildOutcomes.Remove(childId);
            if (SubworkflowCompletion.AwaitedChild(node) != childId || !_workflow!.Graph.Nodes.TryGetValue(outcome.ParentNodeId, out var definition))
            {
                continue;
            }
            var error = outcome.ErrorCode is null ? null : new NodeError(outcome.ErrorCode, outcome.ErrorMessage ?? "");
            var result = SubworkflowCompletion.ResultFor(definition.Config, childId, outcome.Status,
                outcome.ResultJson is null ? null : JsonNode.Parse(outcome.ResultJson), error);
            _driver!.CompleteParked(outcome.ParentNodeId, result);
            applied = true;
        }
        return applied;
    }

    public async Task<ControlResult> PauseAsync()
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return NotFound();
        }
        Load();
        if (!_driver!.Planner.Pause(state.State.Execution))
        {
            return InvalidState("Only a running or waiting execution can be paused.");
        }
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        _driver.Poke();
        return new ControlResult { View = View() };
    }

    public async Task<ControlResult> ResumeAsync()
    {
        if (state.State.WorkflowJson.Length == 0)
        {
            return NotFound();
        }
        Load();
        if (!_driver!.Planner.Resume(state.State.Execution))
        {
            return InvalidState("Only a paused execution can be resumed.");
        }
        await CheckpointAsync(state.State.Execution, CancellationToken.None);
        Drive();
        return new ControlResult { View = View() };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.NeedsRecovery)
        {
            state.State.HasWakeReminder = true; // it fired, so it exists whatever the flag says
            await UnregisterWakeReminderAsync();
            return;
        }
        Load();
        Drive();
    }

    public async Task CheckpointAsync(ExecutionState execution, CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(cancellationToken);
        if (execution.Status != _lastRecorded)
        {
            _lastRecorded = execution.Status;
            history.Upsert(ExecutionViews.ToRecord(state.State, _workflow?.Document.Name, services.Time.GetUtcNow()));
        }
    }

    public void OnNodeEvent(NodeEvent nodeEvent)
    {
        // Live progress is published by a later feature (SignalR bridge); nothing to do yet.
    }

    private void Load()
    {
        if (_driver is not null)
        {
            return;
        }
        _workflow = workflows.Get(Tenant, state.State.WorkflowId, state.State.WorkflowVersion, state.State.WorkflowJson);
        _driver = new ExecutionDriver(_workflow.Document, _workflow.Graph, state.State.Execution, services, this);
    }

    /// <summary>Starts the driver unless it is already running, in which case it is asked to plan again.</summary>
    private void Drive()
    {
        if (_running is { IsCompleted: false })
        {
            _driver!.Poke();
            return;
        }
        _running = RunAsync();
    }

    private async Task RunAsync()
    {
        _timer?.Dispose();
        _timer = null;
        DriverOutcome outcome;
        try
        {
            outcome = await _driver!.RunAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A storage failure: the checkpoint was not written; stay active and let recovery try again later.
            LogDriverFailed(logger, ex, this.GetPrimaryKeyString());
            throw;
        }
        if (!outcome.Status.IsTerminal() && state.State.ChildOutcomes.Count > 0 && ApplyChildOutcomes())
        {
            await CheckpointAsync(state.State.Execution, CancellationToken.None);
            _running = RunAsync();
            return;
        }
        if (outcome.Status.IsTerminal())
        {
            await NotifyParentAsync();
            await StartErrorWorkflowAsync();
            await UnregisterWakeReminderAsync();
            // A finished execution is read rarely; free its memory (a later read reactivates it from storage).
            DeactivateOnIdle();
        }
        else if (outcome.NextWakeAt is { } wake)
        {
            await ScheduleWakeAsync(wake);
        }
        ReleaseWaiters();
    }

    private async Task NotifyParentAsync()
    {
        if (state.State.ParentKey is not { } parent || state.State.ParentNodeId is not { } parentNode)
        {
            return;
        }
        var execution = state.State.Execution;
        try
        {
            await GrainFactory.GetGrain<IExecutionGrain>(parent).ChildCompletedAsync(new ChildOutcome
            {
                ParentNodeId = parentNode,
                ChildExecutionId = execution.ExecutionId,
                Status = execution.Status.ToWire(),
                ResultJson = execution.Result?.ToJsonString(),
                ErrorCode = execution.Error?.Code,
                ErrorMessage = execution.Error?.Message,
            });
        }
        catch (Exception ex)
        {
            LogNotifyFailed(logger, ex, this.GetPrimaryKeyString(), parent);
        }
    }

    /// <summary>A failed execution starts the workflow's error workflow with the failure as trigger data (never for an error run itself).</summary>
    private async Task StartErrorWorkflowAsync()
    {
        var execution = state.State.Execution;
        if (execution.Status != ExecutionStatus.Failed || state.State.TriggeredBy == "error" ||
            _workflow?.Document.Settings.ErrorWorkflowId is not { } errorWorkflowId)
        {
            return;
        }
        var failure = new JsonObject
        {
            ["executionId"] = execution.ExecutionId,
            ["workflowId"] = state.State.WorkflowId,
            ["workflowName"] = _workflow.Document.Name,
            ["workflowVersion"] = state.State.WorkflowVersion,
            ["error"] = new JsonObject { ["code"] = execution.Error?.Code, ["message"] = execution.Error?.Message, ["nodeId"] = execution.FailedNodeId },
            ["failedAt"] = execution.CompletedAt,
        };
        try
        {
            await launcher.StartAsync(Tenant, errorWorkflowId, null, failure, "error", requireActive: false,
                ExecutionLauncher.DeterministicId($"{Tenant}:{execution.ExecutionId}:error"));
        }
        catch (Exception ex)
        {
            LogNotifyFailed(logger, ex, this.GetPrimaryKeyString(), errorWorkflowId.ToString());
        }
    }

    private async Task ScheduleWakeAsync(DateTimeOffset wake)
    {
        var due = wake - services.Time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }
        _timer = this.RegisterGrainTimer(static (grain, _) => { grain.Drive(); return Task.CompletedTask; }, this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        if (due >= ReminderThreshold)
        {
            // Long waits survive deactivation and restarts through a reminder; short ones through the recovery task.
            await this.RegisterOrUpdateReminder(WakeReminder, due, ReminderThreshold);
            if (!state.State.HasWakeReminder)
            {
                state.State.HasWakeReminder = true;
                await state.WriteStateAsync();
            }
        }
    }

    private async Task UnregisterWakeReminderAsync()
    {
        if (!state.State.HasWakeReminder)
        {
            return;
        }
        var reminder = await this.GetReminder(WakeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        state.State.HasWakeReminder = false;
        await state.WriteStateAsync();
    }

    private bool IsSettled() =>
        state.State.Execution.Status.IsTerminal() ||
        (state.State.Execution.Status == ExecutionStatus.Waiting && _running is null or { IsCompleted: true });

    /// <summary>Called when a driver run has stopped: the execution is terminal or waiting.</summary>
    private void ReleaseWaiters()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult();
        }
        _waiters.Clear();
    }

    private ExecutionView View()
    {
        Load();
        return ExecutionViews.ToView(state.State, _workflow!.Document.Definition);
    }

    private static ControlResult NotFound() => new() { ErrorCode = "not_found", ErrorMessage = "Execution not found." };

    private static ControlResult InvalidState(string message) => new() { ErrorCode = "invalid_state", ErrorMessage = message };

    private static string FirstTrigger(WorkflowDefinition definition) =>
        definition.Nodes.FirstOrDefault(n => n.Type == NodeTypes.Trigger && n.Config?["kind"]?.GetValue<string>() is null or "manual")?.Id
        ?? definition.Nodes.First(n => n.Type == NodeTypes.Trigger).Id;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionKey}: could not notify {Target}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string executionKey, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {ExecutionKey}: the driver stopped with an error")]
    private static partial void LogDriverFailed(ILogger logger, Exception exception, string executionKey);
}
