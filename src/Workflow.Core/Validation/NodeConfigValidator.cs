using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;
using Workflow.Core.Nodes;

namespace Workflow.Core.Validation;

/// <summary>
/// Checks a node's <c>config</c> against its type's <see cref="NodeDescriptor.ConfigSchema"/>, one
/// <see cref="ValidationCodes.InvalidConfig"/> error per offending location (JSON pointer into the config).
/// Compiled schemas are cached per descriptor instance, so a registry's schemas are built once per process.
/// </summary>
public static partial class NodeConfigValidator
{
    private static readonly ConditionalWeakTable<NodeDescriptor, JsonSchema> Schemas = new();
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    /// <summary>
    /// Keywords that constrain the shape of a value. A whole-value <c>{{ }}</c> expression may stand in for any value
    /// (node executors resolve every config value before reading it), so these never fail on one: the expression's
    /// result is checked when the node runs.
    /// </summary>
    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "anyOf", "oneOf",
    };

    /// <summary>The compiled schema of a node type's config (built on first use, then cached).</summary>
    public static JsonSchema SchemaFor(NodeDescriptor descriptor) =>
        Schemas.GetValue(descriptor, static d =>
        {
            // A private registry: building registers the schema under a random base URI, which must not pile up
            // in the process-wide global registry.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return JsonSchema.Build(JsonSerializer.SerializeToElement(d.ConfigSchema), options);
        });

    /// <summary>Validates <paramref name="config"/> (null counts as <c>{}</c>) of node <paramref name="nodeId"/>.</summary>
    public static IReadOnlyList<ValidationError> Validate(string nodeId, NodeDescriptor descriptor, JsonObject? config)
    {
        var instance = config is null ? EmptyObject() : JsonSerializer.SerializeToElement(config);
        var results = SchemaFor(descriptor).Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        // Group messages by instance location: one error per offending value, in document order of discovery.
        var byLocation = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var detail in Flatten(results))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                if (IsExpressionAlternative(descriptor.ConfigSchema, detail.EvaluationPath)
                    || (ValueKeywords.Contains(keyword) && IsExpression(instance, detail.InstanceLocation)))
                {
                    continue;
                }
                var location = detail.InstanceLocation.ToString();
                if (!byLocation.TryGetValue(location, out var messages))
                {
                    byLocation[location] = messages = [];
                }
                var text = Describe(keyword, message, descriptor.ConfigSchema, detail.EvaluationPath);
                if (!messages.Contains(text))
                {
                    messages.Add(text);
                }
            }
        }

        return byLocation.Select(kv => new ValidationError(
                ValidationCodes.InvalidConfig,
                $"Node '{nodeId}' ({descriptor.Type}) has an invalid config at {(kv.Key.Length == 0 ? "the root" : $"'{kv.Key}'")}: {string.Join("; ", kv.Value)}",
                NodeId: nodeId))
            .ToArray();
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults root)
    {
        if (root.Errors is { Count: > 0 })
        {
            yield return root;
        }
        foreach (var detail in root.Details ?? [])
        {
            if (detail.Errors is { Count: > 0 })
            {
                yield return detail;
            }
        }
    }

    /// <summary>True when the failing subschema is the <c>{{ }}</c> branch ConfigSchema adds beside a typed schema: its failure says nothing useful.</summary>
    private static bool IsExpressionAlternative(JsonObject schema, JsonPointer evaluationPath) =>
        evaluationPath.TryEvaluate(schema, out var node)
        && node is JsonObject sub
        && sub["pattern"] is JsonValue pattern
        && pattern.TryGetValue<string>(out var text)
        && text == ConfigSchema.ExpressionPattern;

    private static bool IsExpression(JsonElement instance, JsonPointer location) =>
        location.Evaluate(instance) is { ValueKind: JsonValueKind.String } value
        && WholeExpression().IsMatch(value.GetString()!);

    private static string Describe(string keyword, string message, JsonObject schema, JsonPointer evaluationPath)
    {
        if (keyword.Length == 0)
        {
            // The false schema of "additionalProperties": false.
            return "this property is not allowed";
        }
        if (keyword == "enum" && evaluationPath.TryEvaluate(schema, out var enumNode) && enumNode?["enum"] is JsonArray values)
        {
            return $"expected one of {string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"))}";
        }
        if (keyword == "pattern" && evaluationPath.TryEvaluate(schema, out var node) && node is JsonObject sub)
        {
            // Numbers may be written as numeric strings; a pattern failure there means "not a number".
            var types = sub["type"] is JsonArray array ? array.Select(t => t?.ToString()).ToArray() : [sub["type"]?.ToString()];
            if (types.Contains("integer") || types.Contains("number"))
            {
                return $"expected {(types.Contains("integer") ? "an integer" : "a number")} or a {{{{ }}}} expression";
            }
            return $"{message} ({sub["pattern"]})";
        }
        return message;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    [GeneratedRegex(ConfigSchema.ExpressionPattern)]
    private static partial Regex WholeExpression();
}
