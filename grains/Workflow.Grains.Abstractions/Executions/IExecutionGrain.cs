using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Executions;

/// <summary>One execution (key <c>{tenant}/{executionId}</c>), running a pinned copy of its workflow version.</summary>
[Alias("wf.IExecutionGrain")]
public interface IExecutionGrain : IGrainWithStringKey
{
    /// <summary>Checkpoints the new execution and starts running it; returns once it is durable.</summary>
    [Alias("Start")]
    Task<ExecutionView> StartAsync(StartExecution request);

    /// <summary>The current view, or null when no such execution exists.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ExecutionView?> GetAsync();

    /// <summary>Waits until the execution is terminal or waiting (or the timeout passes) and returns its view.</summary>
    [Alias("Wait"), AlwaysInterleave]
    Task<ExecutionView?> WaitAsync(TimeSpan timeout);

    /// <summary>
    /// Takes (or extends) a watch lease: while it holds, the execution publishes live events. Returns the execution's
    /// workflow id, or null when no such execution exists.
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task<Guid?> WatchAsync(TimeSpan lease);

    [Alias("Cancel")]
    Task<ControlResult> CancelAsync();

    /// <summary>Continues a failed execution from its failed node; completed nodes are not re-run.</summary>
    [Alias("Retry")]
    Task<ControlResult> RetryAsync();

    /// <summary>Delivers a signal (e.g. an approval) to a waiting <c>wait</c> node: <c>unknown_node</c>, <c>not_waiting</c>.</summary>
    [Alias("Signal")]
    Task<ControlResult> SignalAsync(string nodeId, string? payloadJson);

    /// <summary>Pauses: nodes in flight finish, nothing new starts, due delays wait for resume.</summary>
    [Alias("Pause")]
    Task<ControlResult> PauseAsync();

    /// <summary>Resumes a paused execution.</summary>
    [Alias("Resume")]
    Task<ControlResult> ResumeAsync();

    /// <summary>A child (sub-workflow) execution ended; completes the parent's waiting node.</summary>
    [Alias("ChildCompleted")]
    Task ChildCompletedAsync(ChildOutcome outcome);

    /// <summary>Makes sure a non-terminal execution is being driven (used after a restart).</summary>
    [Alias("Recover")]
    Task RecoverAsync();
}
