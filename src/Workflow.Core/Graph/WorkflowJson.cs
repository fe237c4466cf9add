using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Core.Graph;

/// <summary>
/// The one set of JSON options for workflow documents: camelCase, unknown members rejected
/// (a typo in a field name is an error, not silently dropped), enums as their wire strings.
/// </summary>
public static class WorkflowJson
{
    /// <summary>Maximum nesting depth accepted anywhere in a document.</summary>
    public const int MaxDepth = 64;

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,
            AllowTrailingCommas = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static WorkflowDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDocument>(json, Options) ?? throw new JsonException("Document is null.");

    public static string Serialize(WorkflowDocument document) => JsonSerializer.Serialize(document, Options);
}
