using Workflow.Core.Nodes;

namespace Workflow.Nodes.Set;

/// <summary>
/// <c>set</c>: assigns the resolved <see cref="SetConfig.Values"/> to workflow variables (<c>vars</c>);
/// its output is the object of assigned values.
/// </summary>
[NodeType("set", Category = "data", Name = "Set variables", Icon = "variable", Color = "#14b8a6",
    Description = "Assign workflow variables from values or expressions; later nodes read them as vars.<name>.")]
public sealed class SetNode : NodeExecutor<SetConfig>, ISideEffectFree
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, SetConfig config, CancellationToken cancellationToken)
    {
        foreach (var (name, _) in config.Values)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return ValueTask.FromResult(NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' assigns a variable with an empty name."));
            }
        }
        // Variables get their own copies: the engine stores them under 'vars', the output keeps the originals.
        var variables = config.Values.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone(), StringComparer.Ordinal);
        var result = NodeResult.Completed(config.Values) with { Variables = variables };
        return ValueTask.FromResult(result);
    }
}
