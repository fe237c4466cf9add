using System.Text.Json.Serialization;

namespace Workflow.Core.Execution;

/// <summary>Status of one node within an execution (DESIGN §3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NodeStatus>))]
public enum NodeStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>Status of one edge within an execution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EdgeStatus>))]
public enum EdgeStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("taken")] Taken,
    [JsonStringEnumMemberName("skipped")] Skipped,
    /// <summary>Carries an unhandled failure towards a merge that may absorb it.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
