using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Workflow.Core.Execution;
using Workflow.Core.Graph;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Abstractions.Workflows;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Executions;

/// <summary>
/// One execution. Thin: loads the checkpoint, lets the Core <see cref="ExecutionDriver"/> plan and run nodes,
/// persists every checkpoint, and arranges durable wake-ups (grain timer for short waits, reminder for long ones;
/// after a restart the recovery task reactivates every non-terminal execution).
/// </summary>
[GrainType(ExecutionRecovery.GrainType)]
public sealed partial class ExecutionGrain(
    [FromKeyedServices("workflow")] IGrainStorage storage,
    ExecutionServices services,
    PinnedWorkflowCache workflows,
    IExecutionHistoryStore history,
    ExecutionLauncher launcher,
    WatchLeaseCache leases,
    ILogger<ExecutionGrain> logger) : Grain, IExecutionGrain, IRemindable, IExecutionHost, IIncomingGrainCallFilter
{
    private const string WakeReminder = "wake";
    private const string PinStateName = "pin";
    private static readonly TimeSpan ReminderThreshold = TimeSpan.FromMinutes(1);

    private readonly List<TaskCompletionSource> _waiters = [];
    private ExecutionDriver? _driver;
    private PinnedWorkflow? _workflow;
    private Task? _running;
    private IGrainTimer? _timer;
    private ExecutionStatus _lastRecorded = (ExecutionStatus)(-1);

    /// <summary>
    /// The workflow document the execution runs: brought by the start, or read on reactivation (from the pin row of an
    /// ad-hoc document, or from the saved version); the pin row is read and written directly, not as a persistent state.
    /// </summary>
    private readonly GrainState<ExecutionPin> _pin = new(new ExecutionPin());
    private Task? _pinning;

    /// <summary>
    /// The checkpoint, read before the first call is handled unless that call starts a new execution (its caller drew
    /// a fresh random id, so there is nothing to read: one storage read less per execution).
    /// </summary>
    private OnDemandState<ExecutionGrainState> state = null!;
    private Task? _loading;
    private bool _loaded;

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new OnDemandState<ExecutionGrainState>(storage, "execution", this.GetGrainId);
        return Task.CompletedTask;
    }

    /// <summary>Loads the checkpoint before the first call runs (see <see cref="state"/>).</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_loaded)
        {
            if (_loading is null && context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is StartExecution { IsNewExecution: true })
            {
                _loaded = true; // nothing stored under a fresh id: the empty state is the stored one
            }
            else
            {
                // One read for all: a call that interleaves (Get, Wait, Watch) while the first one reads awaits the same read.
                await (_loading ??= LoadOnceAsync());
            }
        }
        await context.Invoke();
    }

    private async Task LoadOnceAsync()
    {
        try
        {
            await LoadCheckpointAsync();
        }
        catch
        {
            _loading = null; // a failed read is tried again by the next call
            throw;
        }
    }

    /// <summary>Reads the checkpoint and the pinned workflow; an execution cut off by a restart runs on.</summary>
    private async Task LoadCheckpointAsync()
    {
        await state.LoadAsync();
        if (state.State.Pinned)
        {
            await storage.ReadStateAsync(PinStateName, this.GetGrainId(), _pin);
        }
        else if (state.State.PinnedToVersion && workflows.Find(Tenant, state.State.WorkflowId, state.State.WorkflowVersion) is null)
        {
            _pin.State!.WorkflowJson = await GrainFactory.GetGrain<IWorkflowVersionGrain>(
                GrainKeys.ForVersion(Tenant, state.State.WorkflowId, state.State.WorkflowVersion)).GetAsync();
        }
        if (state.State.NeedsRecovery)
        {
            Load();
            _lastRecorded = state.State.Execution.Status;
            // Events after the last checkpoint were numbered but not persisted and will happen again: skip past them.
            state.State.EventSequence += Math.Max(64, 4L * _workflow!.Graph.Nodes.Count);
            Drive();
        }
        _loaded = true;
    }

    public async Task<ExecutionView> StartAsync(StartExecution request)
    {
        if (state.State.IsStarted)
        {
            return await AnswerAsync(request);
        }
        var executionId = GrainKeys.Split(this.GetPrimaryKeyString()).Id;
        state.State.TenantId = Tenant;
        state.State.WorkflowId = request.WorkflowId;
        state.State.WorkflowVersion = request.WorkflowVersion;
        _pin.State!.WorkflowJson = request.WorkflowJson;
        if (request.IsSavedVersion)
        {
            state.State.PinnedToVersion = true;
        }
        else
        {
            state.State.Pinned = true;
            // Queued ahead of the first checkpoint, which awaits it too: the single writer commits in queue order, so no
            // checkpoint is durable without its workflow.
            _pinning = storage.WriteStateAsync(PinStateName, this.GetGrainId(), _pin);
        }
        state.State.TriggeredBy = request.TriggeredBy;
        state.State.ParentKey = request.ParentKey;
        state.State.ParentNodeId = request.ParentNodeId;
        state.State.Execution.Tenant = Tenant;
        state.State.Execution.Depth = request.Depth;
        Load();
        var trigger = request.TriggerNodeId ?? FirstTrigger(_workflow!.Document.Definition);
        var data = request.TriggerJson is null ? null : JsonNode.Parse(request.TriggerJson);
        _driver!.Start(executionId, trigger, data);
        // A webhook caller awaiting the outcome has no answer before the run settles, so its start may be pipelined.
        if (!(request.CallerAwaitsOutcome && request.ParentKey is null && _driver.TryDeferStartCheckpoint()))
        {
            await CheckpointAsync(state.State.Execution, CancellationToken.None);
        }
        Drive();
        return await AnswerAsync(request);
    }

    /// <summary>What a start answers: the view now, or once the run settled when the caller asked to wait.</summary>
    private Task<ExecutionView> AnswerAsync(StartExecution request) =>
        request.WaitForOutcome is { } wait ? SettledViewAsync(wait, request.AnswerOutputsOf) : Task.FromResult(View(request.AnswerOutputsOf));

    public Task<ExecutionView?> GetAsync() => Task.FromResult(!state.State.IsStarted ? null : View());

    public async Task<ExecutionView?> WaitAsync(TimeSpan timeout) =>
        state.State.IsStarted ? await SettledViewAsync(timeout) : null;

    /// <summary>The view once the run settled, or after <paramref name="timeout"/> as it is then.</summary>
    private async Task<ExecutionView> SettledViewAsync(TimeSpan timeout, IReadOnlyList<string>? outputsOf = null)
    {
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
        return View(outputsOf);
    }

    public async Task CheckpointAsync(ExecutionState execution, CancellationToken cancellationToken)
    {
        var statusChanged = execution.Status != _lastRecorded;
        var events = CheckpointEvents(execution, statusChanged);
        var written = state.WriteStateAsync();
        try
        {
            if (_pinning is { } pinning)
            {
                _pinning = null;
                await pinning;
            }
            await written;
        }
        catch (InconsistentStateException)
        {
            // The stored execution is not the one this activation holds (another activation wrote it, or an id taken
            // as new was not): drop this activation so the next call reads what is stored.
            DeactivateOnIdle();
            throw;
        }
        if (statusChanged)
        {
            _lastRecorded = execution.Status;
            history.Upsert(ExecutionViews.ToRecord(state.State, _workflow?.Document.Name, services.Time.GetUtcNow()));
        }
        PublishAll(events);
    }

    private void Load()
    {
        if (_driver is not null)
        {
            return;
        }
        _workflow = workflows.Find(Tenant, state.State.WorkflowId, state.State.WorkflowVersion)
            ?? workflows.Get(Tenant, state.State.WorkflowId, state.State.WorkflowVersion, _pin.State?.WorkflowJson ?? state.State.WorkflowJson
                ?? throw new InvalidOperationException($"Execution '{this.GetPrimaryKeyString()}' has no pinned workflow."));
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
            DeactivateWhenPublished();
        }
        else if (outcome.NextWakeAt is { } wake)
        {
            await ScheduleWakeAsync(wake);
        }
        ReleaseWaiters();
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

    private ExecutionView View(IReadOnlyCollection<string>? outputsOf = null)
    {
        Load();
        return ExecutionViews.ToView(state.State, _workflow!.Document.Definition, outputsOf);
    }

    private static string FirstTrigger(WorkflowDefinition definition) =>
        definition.Nodes.FirstOrDefault(n => n.Type == NodeTypes.Trigger && n.Config?["kind"]?.GetValue<string>() is null or "manual")?.Id
        ?? definition.Nodes.First(n => n.Type == NodeTypes.Trigger).Id;
}
