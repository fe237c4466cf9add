using System.Buffers;
using System.Text;
using System.Text.Json;
using Workflow.Core.Execution;

namespace Workflow.Grains.Executions;

/// <summary>
/// The <c>node_timings</c> value of a finished execution's history row: <c>{"nodeId": [durationMs, failed 0|1], …}</c>
/// for every node that ran to completion or failure (durations in milliseconds, three decimals).
/// </summary>
public static class NodeTimings
{
    public static string? From(ExecutionState state)
    {
        if (!state.Status.IsTerminal())
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (id, node) in state.Nodes)
            {
                if (node.Status is not (NodeStatus.Completed or NodeStatus.Failed) || node.StartedAt is not { } start || node.CompletedAt is not { } end)
                {
                    continue;
                }
                writer.WriteStartArray(id);
                writer.WriteNumberValue(Math.Round(Math.Max(0, (end - start).TotalMilliseconds), 3));
                writer.WriteNumberValue(node.Status == NodeStatus.Failed ? 1 : 0);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
