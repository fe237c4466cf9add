using System.Collections.Concurrent;
using Workflow.Core.Nodes;

namespace Workflow.Core.Tests.Execution;

/// <summary>Config of <see cref="KeyRecorderNode"/>.</summary>
public sealed record KeyRecorderConfig
{
    public string Tag { get; init; } = "";
}

/// <summary>Records the idempotency key of every invocation, per tag.</summary>
[NodeType("test_keys", Name = "Key recorder")]
public sealed class KeyRecorderNode : NodeExecutor<KeyRecorderConfig>
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Keys = new();

    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, KeyRecorderConfig config, CancellationToken cancellationToken)
    {
        Keys.GetOrAdd(config.Tag, _ => new ConcurrentQueue<string>()).Enqueue(context.IdempotencyKey);
        return ValueTask.FromResult(NodeResult.Completed(context.IdempotencyKey));
    }
}
