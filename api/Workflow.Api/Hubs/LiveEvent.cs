using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflow.Grains.Abstractions.Live;

namespace Workflow.Api.Hubs;

/// <summary>
/// The payload of every hub event (DESIGN §5). <see cref="Sequence"/> is per execution and strictly increasing;
/// merge with a snapshot of <c>GET /api/executions/{id}</c> by applying events whose sequence exceeds its
/// <c>sequence</c>. A node output longer than 16 KB of JSON arrives as a string holding its first 16 KB with
/// <see cref="OutputTruncated"/> set (fetch the execution for the whole output).
/// </summary>
public sealed record LiveEvent
{
    public required string ExecutionId { get; init; }
    public required Guid WorkflowId { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NodeId { get; init; }
    public required string Status { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Attempt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? DurationMs { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LiveEventError? Error { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonNode? Output { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? OutputTruncated { get; init; }

    public static LiveEvent From(ExecutionEvent e) => new()
    {
        ExecutionId = e.ExecutionId,
        WorkflowId = e.WorkflowId,
        Sequence = e.Sequence,
        Timestamp = e.Timestamp,
        NodeId = e.NodeId,
        Status = e.Status,
        Attempt = e.Attempt,
        DurationMs = e.DurationMs,
        Error = e.Error is { } error ? new LiveEventError(error.Code, error.Message) : null,
        Output = e.OutputJson is null ? null : e.OutputTruncated ? JsonValue.Create(e.OutputJson) : JsonNode.Parse(e.OutputJson),
        OutputTruncated = e.OutputJson is null ? null : e.OutputTruncated,
    };
}
