using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Switch;

/// <summary>
/// <c>switch</c>: evaluates <see cref="SwitchConfig.Expression"/> and takes the handle of the first matching case,
/// or <c>default</c>. The input passes through unchanged.
/// </summary>
[NodeType("switch", Category = "flow", Name = "Switch", Icon = "split", Color = "#f97316", Outputs = "default",
    DynamicOutputs = true,
    Description = "Take the branch of the first case whose value equals an expression's result, else 'default'.")]
public sealed class SwitchNode : NodeExecutor<SwitchConfig>, ISideEffectFree
{
    public const string DefaultHandle = "default";

    public override IReadOnlyCollection<string>? OutputHandles(JsonObject? config)
    {
        SwitchConfig parsed;
        try
        {
            parsed = ReadConfig(config);
        }
        catch (JsonException)
        {
            // A malformed config is reported by schema validation; only 'default' is certain.
            return [DefaultHandle];
        }
        return parsed.Cases.Select(c => c.HandleId()).Append(DefaultHandle).Distinct(StringComparer.Ordinal).ToArray();
    }

    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, SwitchConfig config, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.Expression))
        {
            return ValueTask.FromResult(NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has no expression."));
        }
        JsonNode? result;
        try
        {
            result = context.Expressions.Evaluate(config.Expression, context.Scope);
        }
        catch (ExpressionException ex)
        {
            return ValueTask.FromResult(NodeResult.Failed(ex.Code, ex.Message));
        }
        var match = config.Cases.FirstOrDefault(c => JsonEquality.AreEqual(c.Value, result));
        var handle = match?.HandleId() ?? DefaultHandle;
        return ValueTask.FromResult(NodeResult.Completed(context.Input?.DeepClone(), handle));
    }
}
