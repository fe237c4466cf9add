using System.Text.Json;
using Workflow.Core.Execution;

namespace Workflow.Core.Tests.Execution;

/// <summary>An execution host that keeps every checkpoint as JSON, like the grain's storage would.</summary>
public sealed class MemoryHost : IExecutionHost
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<string> Checkpoints { get; } = [];
    public List<NodeEvent> Events { get; } = [];

    public Task CheckpointAsync(ExecutionState state, CancellationToken cancellationToken)
    {
        Checkpoints.Add(JsonSerializer.Serialize(state, Json));
        return Task.CompletedTask;
    }

    public void OnNodeEvent(NodeEvent nodeEvent)
    {
        lock (Events)
        {
            Events.Add(nodeEvent);
        }
    }

    /// <summary>The last checkpoint read back, as a restarted grain would see it.</summary>
    public ExecutionState Restore() => JsonSerializer.Deserialize<ExecutionState>(Checkpoints[^1], Json)!;
}
