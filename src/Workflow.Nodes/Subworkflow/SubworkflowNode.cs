using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Subworkflow;

/// <summary>
/// Runs another workflow as a child execution (its own grain) with the mapped input and waits for it durably: the
/// node parks until the child reports its end, then outputs the child's result (or handles its failure).
/// </summary>
[NodeType("subworkflow", Category = "flow", Name = "Sub-workflow", Icon = "workflow", Color = "#6366f1", Outputs = "out,error",
    Description = "Runs another workflow with mapped input and continues with its result.")]
public sealed class SubworkflowNode : NodeExecutor<SubworkflowConfig>
{
    /// <summary>Deepest allowed nesting of sub-workflows (guards against runaway recursion).</summary>
    public const int MaxDepth = 8;

    protected override async ValueTask<NodeResult> ExecuteAsync(NodeContext context, SubworkflowConfig config, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(config.WorkflowId, out var workflowId))
        {
            return NodeResult.Failed("invalid_config", $"workflowId '{config.WorkflowId}' is not a workflow id.");
        }
        if (context.Depth + 1 > MaxDepth)
        {
            return NodeResult.Failed("subworkflow_depth", $"Sub-workflows nest deeper than {MaxDepth} levels (runaway recursion?).");
        }
        if (context.Services?.GetService(typeof(ISubworkflowStarter)) is not ISubworkflowStarter starter)
        {
            return NodeResult.Failed("subworkflow_unavailable", "Sub-workflows cannot run in this host.");
        }
        // One child per run and attempt: a replay after a crash finds the same child instead of starting another.
        var childId = DeterministicIds.From($"{context.Tenant}:{context.ExecutionId}:{context.Node.Id}:{context.Run}:{context.Attempt}");
        var child = await starter.StartAsync(new ChildExecutionRequest(context.Tenant, context.ExecutionId, context.Node.Id, childId,
            workflowId, config.InputMapping?.DeepClone(), context.Depth + 1), cancellationToken);
        if (!child.WorkflowFound)
        {
            return NodeResult.Failed("subworkflow_not_found", $"Workflow {workflowId} does not exist or is archived.");
        }
        if (child.Status is "completed" or "failed" or "cancelled")
        {
            return SubworkflowCompletion.ResultFor(context.Config, child.ExecutionId, child.Status, child.Result, child.Error);
        }
        return new NodeResult
        {
            Outcome = NodeOutcome.Suspended,
            AwaitSignal = true,
            Output = new JsonObject { ["childExecutionId"] = child.ExecutionId },
        };
    }
}
