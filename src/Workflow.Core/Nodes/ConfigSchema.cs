using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace Workflow.Core.Nodes;

/// <summary>
/// Generates a node config's JSON Schema from its typed record. Descriptions come from
/// <see cref="DescriptionAttribute"/>; every non-string value may also be given as a <c>{{ }}</c> expression.
/// </summary>
public static class ConfigSchema
{
    /// <summary>Options used to read node configs: camelCase, enums as strings, unknown members rejected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>Pattern of a value that is one whole expression.</summary>
    public const string ExpressionPattern = @"^\s*\{\{[\s\S]*\}\}\s*$";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            // Numbers are numbers in the schema (the Web default would also accept numeric strings).
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonObject For(Type configType)
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var schema = JsonOptions.GetJsonSchemaAsNode(configType, exporterOptions).AsObject();
        schema["additionalProperties"] ??= false;
        return schema;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description
            ?? (context.PropertyInfo is null ? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description : null);
        if (schema is not JsonObject obj)
        {
            // "any JSON value" is exported as `true`; keep the description for the designer.
            return description is null ? schema : new JsonObject { ["description"] = description };
        }
        if (description is not null)
        {
            obj.Insert(0, "description", description);
        }
        if (context.PropertyInfo is not null && AllowsExpression(obj))
        {
            // Keep the original schema for the designer's form, but accept an expression in its place.
            var copy = obj.DeepClone().AsObject();
            copy.Remove("description");
            copy.Remove("default");
            var wrapped = new JsonObject();
            if (description is not null)
            {
                wrapped["description"] = description;
            }
            wrapped["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "string", ["pattern"] = ExpressionPattern });
            return wrapped;
        }
        return obj;
    }

    private static bool AllowsExpression(JsonObject schema)
    {
        var type = schema["type"];
        return type switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => t is "integer" or "number" or "boolean" or "array" or "object",
            JsonArray a => a.Any(t => t?.GetValue<string>() is "integer" or "number" or "boolean" or "array" or "object"),
            _ => false,
        };
    }
}
