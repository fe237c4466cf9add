using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;

namespace Workflow.Grains.Executions;

/// <summary>Control of an execution: cancel, retry, signal, pause, resume, recover.</summary>
public sealed partial class ExecutionGrain
{
    public async Task<ControlResult> CancelAsync()
    {
        if (!state.State.IsStarted)
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
        if (!state.State.IsStarted)
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
        if (!state.State.IsStarted)
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

    public async Task<ControlResult> PauseAsync()
    {
        if (!state.State.IsStarted)
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
        if (!state.State.IsStarted)
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

    private static ControlResult NotFound() => new() { ErrorCode = "not_found", ErrorMessage = "Execution not found." };

    private static ControlResult InvalidState(string message) => new() { ErrorCode = "invalid_state", ErrorMessage = message };
}
