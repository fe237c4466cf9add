using System.Globalization;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Delay;

/// <summary>Pauses the branch durably; the wait survives restarts. Passes its input through.</summary>
[NodeType("delay", Category = "flow", Name = "Delay", Icon = "timer", Color = "#0ea5e9",
    Description = "Waits for a duration or until an instant, durably (survives restarts), then passes its input on.")]
public sealed class DelayNode : NodeExecutor<DelayConfig>
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(366);

    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, DelayConfig config, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        DateTimeOffset resumeAt;
        if (config.DurationSeconds is { } seconds)
        {
            if (seconds < 0 || double.IsNaN(seconds) || seconds > MaxDelay.TotalSeconds)
            {
                return Result(NodeResult.Failed("invalid_config", $"durationSeconds must be between 0 and {MaxDelay.TotalSeconds}."));
            }
            resumeAt = now.AddSeconds(seconds);
        }
        else if (config.Until is { } until)
        {
            if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out resumeAt))
            {
                return Result(NodeResult.Failed("invalid_config", $"'until' is not an ISO 8601 instant: '{until}'."));
            }
        }
        else
        {
            return Result(NodeResult.Failed("invalid_config", "delay needs durationSeconds or until."));
        }
        var output = context.Input?.DeepClone();
        return Result(resumeAt <= now ? NodeResult.Completed(output) : NodeResult.SuspendUntil(resumeAt, output));
    }

    private static ValueTask<NodeResult> Result(NodeResult result) => ValueTask.FromResult(result);
}
