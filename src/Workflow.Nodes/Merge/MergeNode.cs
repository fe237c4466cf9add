using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Merge;

/// <summary>
/// Joins branches. With <c>all</c> the output is the array of branch outputs in the order the branches finished
/// (failed branches appear as <c>{nodeId, error}</c> when errorHandling is collect); with any/first it is the
/// first branch's output.
/// </summary>
[NodeType("merge", Category = "flow", Name = "Merge", Icon = "merge", Color = "#8b5cf6",
    Description = "Joins branches: wait for all, continue on any, or take the first and cancel the rest.")]
public sealed class MergeNode : NodeExecutor<MergeConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, MergeConfig config, CancellationToken cancellationToken)
    {
        if (config.WaitMode != MergeWaitMode.All)
        {
            var first = context.Inputs.FirstOrDefault(i => i.Error is null);
            return ValueTask.FromResult(NodeResult.Completed(first?.Output?.DeepClone()));
        }
        var outputs = new JsonArray();
        foreach (var input in context.Inputs)
        {
            if (input.Error is null)
            {
                outputs.Add(input.Output?.DeepClone());
            }
            else if (config.ErrorHandling == MergeErrorHandling.Collect)
            {
                outputs.Add(new JsonObject
                {
                    ["nodeId"] = input.SourceNodeId,
                    ["error"] = new JsonObject { ["code"] = input.Error.Code, ["message"] = input.Error.Message },
                });
            }
        }
        return ValueTask.FromResult(NodeResult.Completed(outputs));
    }
}
