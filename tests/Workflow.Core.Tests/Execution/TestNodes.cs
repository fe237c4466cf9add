using System.ComponentModel;
using Workflow.Core.Nodes;

namespace Workflow.Core.Tests.Execution;

/// <summary>Config of <see cref="FlakyNode"/>.</summary>
public sealed record FlakyConfig
{
    [Description("Attempt number that succeeds.")]
    public int SucceedOnAttempt { get; init; } = 2;
}

/// <summary>Fails (retryably) until its attempt number reaches <c>succeedOnAttempt</c>.</summary>
[NodeType("test_flaky", Name = "Flaky", Outputs = "out,error")]
public sealed class FlakyNode : NodeExecutor<FlakyConfig>
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, FlakyConfig config, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Attempt >= config.SucceedOnAttempt
            ? NodeResult.Completed(context.Attempt)
            : NodeResult.Failed("flaky", $"attempt {context.Attempt} failed", retryable: true));
}

/// <summary>Config of <see cref="SlowNode"/>.</summary>
public sealed record SlowConfig
{
    [Description("How long to take, in milliseconds.")]
    public int Ms { get; init; } = 10_000;
}

/// <summary>Takes a while (honours cancellation).</summary>
[NodeType("test_slow", Name = "Slow", Outputs = "out,error")]
public sealed class SlowNode : NodeExecutor<SlowConfig>
{
    protected override async ValueTask<NodeResult> ExecuteAsync(NodeContext context, SlowConfig config, CancellationToken cancellationToken)
    {
        await Task.Delay(config.Ms, cancellationToken);
        return NodeResult.Completed("slow done");
    }
}
