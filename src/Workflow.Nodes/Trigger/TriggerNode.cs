using Workflow.Core.Nodes;

namespace Workflow.Nodes.Trigger;

/// <summary>Starts a workflow; its output is the trigger data.</summary>
[NodeType("trigger", Category = "trigger", Name = "Trigger", Icon = "zap", Color = "#f59e0b", Inputs = "",
    Description = "Starts the workflow: manually, from a webhook, on a schedule or on an event. Its output is the trigger data.")]
public sealed class TriggerNode : NodeExecutor<TriggerConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, TriggerConfig config, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NodeResult.Completed(context.Input?.DeepClone()));
}
