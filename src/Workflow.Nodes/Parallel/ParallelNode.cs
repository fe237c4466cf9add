using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Parallel;

/// <summary>Starts every outgoing branch at once, each receiving this node's input.</summary>
[NodeType("parallel", Category = "flow", Name = "Parallel", Icon = "split", Color = "#8b5cf6", DynamicOutputs = true,
    Description = "Runs every outgoing branch concurrently; join them again with a merge.")]
public sealed class ParallelNode : NodeExecutor<ParallelConfig>
{
    /// <summary>Any handle name is a branch.</summary>
    public override IReadOnlyCollection<string>? OutputHandles(JsonObject? config) => null;

    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, ParallelConfig config, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new NodeResult { Outcome = NodeOutcome.Completed, Output = context.Input?.DeepClone() });
}
