using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Workflow.Nodes.Validate;

/// <summary>Compiled schemas keyed by their JSON text, shared by every execution (building is the costly part).</summary>
internal sealed class SchemaCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>The compiled schema, or null with the reason when the text is not a usable schema.</summary>
    public JsonSchema? Get(string schemaText, out string? error)
    {
        error = null;
        if (_schemas.TryGetValue(schemaText, out var cached))
        {
            return cached;
        }
        JsonSchema schema;
        try
        {
            // A private registry per schema: one workflow's $id never resolves another's, and nothing is fetched.
            var registry = new SchemaRegistry { Fetch = static (_, _) => null! };
            schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = registry });
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or JsonException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
        if (_schemas.Count >= MaxEntries)
        {
            // Schemas computed by expressions could grow the cache without bound; start over instead.
            _schemas.Clear();
        }
        return _schemas.GetOrAdd(schemaText, schema);
    }
}
