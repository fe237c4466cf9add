using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Tests.Nodes;

/// <summary>Runs one node executor against the real sandboxed evaluator.</summary>
internal static class NodeHarness
{
    public static IExpressionEvaluator Evaluator { get; } = new JintExpressionEvaluator(new SandboxOptions());

    public static NodeContext Context(string type, string configJson, JsonNode? input = null, ExpressionScope? scope = null) => new()
    {
        Node = new NodeDefinition { Id = "n1", Type = type, Config = JsonNode.Parse(configJson)!.AsObject() },
        Scope = scope ?? ExpressionScope.Empty,
        Expressions = Evaluator,
        Input = input,
    };

    public static async Task<NodeResult> RunAsync(INodeExecutor executor, string configJson, JsonNode? input = null, ExpressionScope? scope = null) =>
        await executor.ExecuteAsync(Context(executor.Descriptor.Type, configJson, input, scope), CancellationToken.None);

    public static ExpressionScope TriggerScope(string triggerJson) => new() { Trigger = JsonNode.Parse(triggerJson) };

    public static string ToJson(JsonNode? node) => node?.ToJsonString() ?? "null";
}
