using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflow.Core.Nodes;

namespace Workflow.Core.Tests.Validation.Fakes;

// Minimal node types for validation tests, independent of the real executors in Workflow.Nodes.

internal sealed record FakeTriggerConfig
{
    [Description("How the workflow starts.")]
    public FakeTriggerKind Kind { get; init; } = FakeTriggerKind.Manual;

    [Description("Webhook path.")]
    public string? Path { get; init; }
}

internal enum FakeTriggerKind { Manual, Webhook }

internal sealed record FakeActionConfig
{
    [Description("Seconds to wait.")]
    public int DurationSeconds { get; init; }

    [Description("Text to send.")]
    public string? Text { get; init; }

    [Description("Recipients.")]
    public List<string>? To { get; init; }
}

internal sealed record FakeIfConfig
{
    [Description("Condition expression."), RawExpression, JsonRequired]
    public string Condition { get; init; } = "";
}

internal sealed record FakeLoopConfig
{
    [Description("Upper bound of iterations.")]
    public int MaxIterations { get; init; } = 100;
}

internal sealed record FakeSwitchCase(string Value, string Handle);

internal sealed record FakeSwitchConfig
{
    [Description("Value to switch on.")]
    public string Expression { get; init; } = "";

    [Description("Cases, each naming its handle.")]
    public List<FakeSwitchCase> Cases { get; init; } = [];
}

internal sealed record FakeEmptyConfig;

internal abstract class FakeNode<TConfig> : NodeExecutor<TConfig> where TConfig : class, new()
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, TConfig config, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NodeResult.Completed(null));
}

[NodeType("trigger", Name = "Trigger", Inputs = "", Outputs = "out")]
internal sealed class FakeTriggerNode : FakeNode<FakeTriggerConfig>;

[NodeType("action", Name = "Action", Outputs = "out,error")]
internal sealed class FakeActionNode : FakeNode<FakeActionConfig>;

[NodeType("note", Name = "Note", Outputs = "out")]
internal sealed class FakeNoteNode : FakeNode<FakeEmptyConfig>;

[NodeType("if", Name = "If", Outputs = "true,false")]
internal sealed class FakeIfNode : FakeNode<FakeIfConfig>;

[NodeType("loop", Name = "Loop", Outputs = "body,done")]
internal sealed class FakeLoopNode : FakeNode<FakeLoopConfig>;

[NodeType("parallel", Name = "Parallel", Outputs = "", DynamicOutputs = true)]
internal sealed class FakeParallelNode : FakeNode<FakeEmptyConfig>
{
    public override IReadOnlyCollection<string>? OutputHandles(JsonObject? config) => null;
}

[NodeType("switch", Name = "Switch", Outputs = "default", DynamicOutputs = true)]
internal sealed class FakeSwitchNode : FakeNode<FakeSwitchConfig>
{
    public override IReadOnlyCollection<string>? OutputHandles(JsonObject? config) =>
        ReadConfig(config).Cases.Select(c => c.Handle).Append("default").ToArray();
}
