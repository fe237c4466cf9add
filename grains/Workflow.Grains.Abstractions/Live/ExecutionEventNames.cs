namespace Workflow.Grains.Abstractions.Live;

/// <summary>The live event names: the SignalR methods the hub calls on subscribed clients (DESIGN §5).</summary>
public static class ExecutionEventNames
{
    public const string NodeStarted = "NodeStarted";
    public const string NodeCompleted = "NodeCompleted";
    public const string NodeFailed = "NodeFailed";
    public const string NodeRetrying = "NodeRetrying";
    /// <summary>A node parked: a delay, a wait for a signal, or a sub-workflow it awaits.</summary>
    public const string NodeWaiting = "NodeWaiting";
    /// <summary>A node that will not run (its branch was not taken).</summary>
    public const string NodeSkipped = "NodeSkipped";
    public const string ExecutionStatusChanged = "ExecutionStatusChanged";

    /// <summary>The event name of a driver node event kind (<c>started</c>, <c>completed</c>, …).</summary>
    public static string ForNodeKind(string kind) => kind switch
    {
        "started" => NodeStarted,
        "completed" => NodeCompleted,
        "failed" => NodeFailed,
        "retrying" => NodeRetrying,
        "waiting" => NodeWaiting,
        "skipped" => NodeSkipped,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown node event kind."),
    };
}
