using System.Text.Json.Serialization;

namespace Workflow.Core.Execution;

/// <summary>Status of an execution (DESIGN §3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionStatus>))]
public enum ExecutionStatus
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>Helpers on <see cref="ExecutionStatus"/>.</summary>
public static class ExecutionStatusExtensions
{
    public static bool IsTerminal(this ExecutionStatus status) =>
        status is ExecutionStatus.Completed or ExecutionStatus.Failed or ExecutionStatus.Cancelled;

    /// <summary>The status as the API and events spell it (the JSON name), without allocating.</summary>
    public static string ToWire(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "running",
        ExecutionStatus.Waiting => "waiting",
        ExecutionStatus.Paused => "paused",
        ExecutionStatus.Completed => "completed",
        ExecutionStatus.Failed => "failed",
        ExecutionStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc cref="ToWire(ExecutionStatus)"/>
    public static string ToWire(this NodeStatus status) => status switch
    {
        NodeStatus.Pending => "pending",
        NodeStatus.Running => "running",
        NodeStatus.Waiting => "waiting",
        NodeStatus.Completed => "completed",
        NodeStatus.Failed => "failed",
        NodeStatus.Skipped => "skipped",
        NodeStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };
}
