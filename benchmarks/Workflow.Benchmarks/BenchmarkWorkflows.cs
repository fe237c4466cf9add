using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Benchmarks;

/// <summary>The workflows the scenarios run: a manual trigger followed by a chain of cheap <c>set</c> nodes.</summary>
public static class BenchmarkWorkflows
{
    /// <summary>trigger → s1 → … → s(<paramref name="nodes"/>−1); each <c>set</c> assigns a constant.</summary>
    public static JsonObject Chain(string name, int nodes)
    {
        var list = new List<JsonNode> { WorkflowBuilder.Trigger() };
        var edges = new List<JsonNode>();
        var previous = "start";
        for (var i = 1; i < nodes; i++)
        {
            var id = $"s{i}";
            list.Add(WorkflowBuilder.Node(id, "set", new JsonObject { ["values"] = new JsonObject { [$"v{i}"] = i } }));
            edges.Add(WorkflowBuilder.Edge(previous, id));
            previous = id;
        }
        return WorkflowBuilder.Document(WorkflowBuilder.Unique(name), [.. list], [.. edges]);
    }

    public static byte[] Input(int seed) => BenchmarkApi.Body(new JsonObject { ["input"] = new JsonObject { ["n"] = seed } });
}
