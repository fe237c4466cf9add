using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Benchmarks;

/// <summary>The timestamps of an execution object (DESIGN §5) as the server recorded them.</summary>
public sealed record ExecutionTimings(string Id, string Status, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, IReadOnlyList<NodeTiming> Nodes)
{
    public static ExecutionTimings From(JsonObject execution)
    {
        var nodes = execution["nodes"]!.AsArray()
            .Select(n => new NodeTiming(
                n!["nodeId"]!.GetValue<string>(),
                n["status"]!.GetValue<string>(),
                Time(n["startedAt"]),
                Time(n["completedAt"])))
            .ToArray();
        return new ExecutionTimings(
            execution["id"]!.GetValue<string>(),
            execution["status"]!.GetValue<string>(),
            Time(execution["startedAt"]) ?? throw new InvalidOperationException("The execution has no startedAt."),
            Time(execution["completedAt"]),
            nodes);
    }

    public bool AllNodesCompleted(int expected) => Status == "completed" && Nodes.Count(n => n.Status == "completed") == expected;

    public NodeTiming Node(string nodeId) => Nodes.Single(n => n.NodeId == nodeId);

    /// <summary>Nodes in the order they started (a sequential workflow's chain).</summary>
    public IReadOnlyList<NodeTiming> Chain() => Nodes.Where(n => n.StartedAt is not null && n.CompletedAt is not null).OrderBy(n => n.StartedAt).ToArray();

    public static double Milliseconds(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalMilliseconds;

    private static DateTimeOffset? Time(JsonNode? value) =>
        value is null ? null : DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
