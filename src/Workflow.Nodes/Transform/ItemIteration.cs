using System.Text.Json.Nodes;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Transform;

/// <summary>Helpers of nodes that evaluate an expression once per item of a list (transform, filter).</summary>
internal static class ItemIteration
{
    /// <summary>
    /// The list to iterate: the resolved <c>items</c> config value when the key is present, else the node's input.
    /// Null with a failure when that is not an array.
    /// </summary>
    public static JsonArray? ResolveItems(NodeContext context, JsonNode? configured, out NodeResult? failure)
    {
        var items = context.Config.ContainsKey("items") ? configured : context.Input;
        if (items is JsonArray array)
        {
            failure = null;
            return array;
        }
        var source = context.Config.ContainsKey("items") ? "'items'" : "the input (set 'items' to choose a list)";
        failure = NodeResult.Failed("invalid_input",
            $"Node '{context.Node.Id}' needs an array in {source}, got {Describe(items)}.");
        return null;
    }

    /// <summary>The scope of one item: <c>item</c> and <c>index</c> (and any extra names) added to the node's scope.</summary>
    public static ExpressionScope Scope(ExpressionScope scope, JsonNode? item, int index, string? extraName = null, JsonNode? extraValue = null)
    {
        var extra = scope.Extra is null
            ? new Dictionary<string, JsonNode?>(3, StringComparer.Ordinal)
            : new Dictionary<string, JsonNode?>(scope.Extra, StringComparer.Ordinal);
        extra["item"] = item;
        extra["index"] = JsonValue.Create(index);
        if (extraName is not null)
        {
            extra[extraName] = extraValue;
        }
        return scope with { Item = item, Index = index, Extra = extra };
    }

    /// <summary>A node that may be stored in a new parent (results can be the very node that was passed in).</summary>
    public static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => $"{value.GetValueKind().ToString().ToLowerInvariant()} {Truncate(value.ToJsonString())}",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
