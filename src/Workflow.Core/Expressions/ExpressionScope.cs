using System.Text.Json.Nodes;

namespace Workflow.Core.Expressions;

/// <summary>
/// The names visible to an expression: <c>trigger</c>, <c>vars</c>, <c>nodes.&lt;id&gt;.output</c>,
/// <c>item</c>/<c>index</c> inside a loop body, <c>execution</c>, plus optional extra names
/// (e.g. <c>item</c>/<c>acc</c> for a transform operation, <c>value</c> for validate).
/// The evaluator never mutates these nodes.
/// </summary>
public sealed record ExpressionScope
{
    public static ExpressionScope Empty { get; } = new();

    public JsonNode? Trigger { get; init; }
    public JsonObject? Vars { get; init; }
    /// <summary>Node id → that node's output (exposed as <c>nodes.id.output</c>).</summary>
    public IReadOnlyDictionary<string, JsonNode?>? NodeOutputs { get; init; }
    public JsonNode? Item { get; init; }
    public int? Index { get; init; }
    public ExecutionInfo? Execution { get; init; }
    /// <summary>Additional top-level names; they shadow the standard ones.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Extra { get; init; }

    /// <summary>A copy of this scope with extra names added.</summary>
    public ExpressionScope With(string name, JsonNode? value)
    {
        var extra = Extra is null ? new Dictionary<string, JsonNode?>() : new Dictionary<string, JsonNode?>(Extra);
        extra[name] = value;
        return this with { Extra = extra };
    }
}
