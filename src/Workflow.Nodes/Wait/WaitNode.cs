using Workflow.Core.Nodes;

namespace Workflow.Nodes.Wait;

/// <summary>
/// Parks the branch until <c>POST /api/executions/{id}/signals/{nodeId}</c> delivers a payload (which becomes this
/// node's output, on <c>out</c>), or until the optional timeout passes (then <c>timeout</c>). Nothing is held in
/// memory: the wait is part of the checkpoint.
/// </summary>
[NodeType("wait", Category = "flow", Name = "Wait for signal", Icon = "hand", Color = "#f97316", Outputs = "out,timeout",
    Description = "Waits for an external signal such as an approval decision, with an optional timeout.")]
public sealed class WaitNode : NodeExecutor<WaitConfig>
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, WaitConfig config, CancellationToken cancellationToken)
    {
        if (config.TimeoutSeconds is { } seconds && (seconds <= 0 || double.IsNaN(seconds) || seconds > TimeSpan.FromDays(366).TotalSeconds))
        {
            return ValueTask.FromResult(NodeResult.Failed("invalid_config", "timeoutSeconds must be positive and at most a year."));
        }
        return ValueTask.FromResult(new NodeResult
        {
            Outcome = NodeOutcome.Suspended,
            AwaitSignal = true,
            ResumeAt = config.TimeoutSeconds is { } t ? context.Time.GetUtcNow().AddSeconds(t) : null,
        });
    }
}
