using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Validate;

/// <summary>
/// <c>validate</c>: checks a value against <see cref="ValidateConfig.Schema"/>. Valid: handle <c>valid</c> with the
/// value as output. Invalid: handle <c>invalid</c> with <c>{value, errors: [{path, keyword, message}]}</c>, where
/// <c>path</c> is a JSON Pointer into the value.
/// </summary>
[NodeType("validate", Category = "data", Name = "Validate", Icon = "shield-check", Color = "#10b981", Outputs = "valid,invalid",
    Description = "Check a value against a JSON Schema and branch on the result; errors list the failing paths.")]
public sealed class ValidateNode : NodeExecutor<ValidateConfig>, ISideEffectFree
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly SchemaCache _cache = new();

    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, ValidateConfig config, CancellationToken cancellationToken)
    {
        return ValueTask.FromResult(Execute(context, config));
    }

    private NodeResult Execute(NodeContext context, ValidateConfig config)
    {
        JsonNode? schemaNode;
        try
        {
            schemaNode = config.Schema is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? context.Expressions.Evaluate(v.GetValue<string>(), context.Scope)
                : config.Schema;
        }
        catch (ExpressionException ex)
        {
            return NodeResult.Failed(ex.Code, $"schema: {ex.Message}");
        }
        if (schemaNode is null)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has no schema.");
        }
        var schema = _cache.Get(schemaNode.ToJsonString(), out var error);
        if (schema is null)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has an invalid JSON Schema: {error}");
        }
        var value = context.Config.ContainsKey("value") ? config.Value : context.Input;
        using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        EvaluationResults results;
        try
        {
            results = schema.Evaluate(document.RootElement, Options);
        }
        catch (RefResolutionException ex)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has an unresolvable $ref in its schema: {ex.Message}");
        }
        if (results.IsValid)
        {
            return NodeResult.Completed(value?.DeepClone(), "valid");
        }
        var output = new JsonObject { ["value"] = value?.DeepClone(), ["errors"] = Errors(results) };
        return NodeResult.Completed(output, "invalid");
    }

    private static JsonArray Errors(EvaluationResults results)
    {
        var errors = new JsonArray();
        Collect(results, errors);
        if (errors.Count == 0)
        {
            errors.Add(Error("", "", "The value does not match the schema."));
        }
        return errors;
    }

    private static void Collect(EvaluationResults result, JsonArray errors)
    {
        if (result.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
            {
                errors.Add(Error(result.InstanceLocation.ToString(), keyword, message));
            }
        }
        if (result.Details is { } details)
        {
            foreach (var detail in details)
            {
                Collect(detail, errors);
            }
        }
    }

    private static JsonObject Error(string path, string keyword, string message) =>
        new() { ["path"] = path, ["keyword"] = keyword, ["message"] = message };
}
