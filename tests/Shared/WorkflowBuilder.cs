using System.Text.Json.Nodes;

namespace Workflow.Tests.Shared;

/// <summary>Builds workflow documents as JSON for API-level tests and benchmarks (linked into those projects).</summary>
public static class WorkflowBuilder
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static JsonObject Document(string name, JsonNode[] nodes, JsonNode[] edges) => new()
    {
        ["name"] = name,
        ["definition"] = new JsonObject { ["nodes"] = new JsonArray(nodes), ["edges"] = new JsonArray(edges) },
    };

    public static JsonObject Node(string id, string type, JsonObject config) => new()
    {
        ["id"] = id, ["type"] = type, ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 }, ["config"] = config,
    };

    public static JsonObject Trigger(string id = "start") => Node(id, "trigger", new JsonObject { ["kind"] = "manual" });

    public static JsonObject Edge(string source, string target, string? handle = null)
    {
        var edge = new JsonObject { ["id"] = $"{source}-{target}" + (handle is null ? "" : "-" + handle), ["source"] = source, ["target"] = target };
        if (handle is not null)
        {
            edge["sourceHandle"] = handle;
        }
        return edge;
    }
}
