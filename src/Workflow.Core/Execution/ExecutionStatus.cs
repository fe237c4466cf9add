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

    public static string ToWire(this ExecutionStatus status) => status.ToString().ToLowerInvariant();
}
