using System.Text.Json;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Storage;

/// <summary>Turns status counts and a sample of finished rows into <see cref="WorkflowStats"/> (p95 by nearest rank).</summary>
public sealed class WorkflowStatsBuilder(WorkflowStatsQuery query)
{
    /// <summary>Every status is reported, with zero when absent.</summary>
    public static readonly string[] Statuses = ["completed", "failed", "cancelled", "running", "waiting", "paused"];

    private readonly Dictionary<string, long> _counts = Statuses.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
    private readonly List<double> _durations = [];
    private readonly Dictionary<string, NodeSample> _nodes = new(StringComparer.Ordinal);

    public void AddCount(string status, long count) => _counts[status] = _counts.GetValueOrDefault(status) + count;

    /// <summary>Adds one finished execution of the sample.</summary>
    public void AddFinished(double durationMs, string? nodeTimingsJson)
    {
        _durations.Add(durationMs);
        if (string.IsNullOrEmpty(nodeTimingsJson))
        {
            return;
        }
        using var document = JsonDocument.Parse(nodeTimingsJson);
        foreach (var node in document.RootElement.EnumerateObject())
        {
            if (node.Value.ValueKind != JsonValueKind.Array || node.Value.GetArrayLength() < 2)
            {
                continue;
            }
            if (!_nodes.TryGetValue(node.Name, out var sample))
            {
                _nodes[node.Name] = sample = new NodeSample();
            }
            sample.Durations.Add(node.Value[0].GetDouble());
            sample.Failures += node.Value[1].GetInt32() == 1 ? 1 : 0;
        }
    }

    public WorkflowStats Build()
    {
        var finished = _counts["completed"] + _counts["failed"] + _counts["cancelled"];
        return new WorkflowStats
        {
            WorkflowId = query.WorkflowId,
            From = query.From,
            To = query.To,
            Total = _counts.Values.Sum(),
            ByStatus = _counts,
            SuccessRate = finished == 0 ? null : Math.Round((double)_counts["completed"] / finished, 4),
            AvgDurationMs = _durations.Count == 0 ? null : Math.Round(_durations.Average(), 3),
            P95DurationMs = _durations.Count == 0 ? null : P95(_durations),
            Nodes = _nodes
                .Select(n => new NodeStats
                {
                    NodeId = n.Key,
                    Count = n.Value.Durations.Count,
                    AvgDurationMs = Math.Round(n.Value.Durations.Average(), 3),
                    P95DurationMs = P95(n.Value.Durations),
                    Failures = n.Value.Failures,
                })
                .OrderByDescending(n => n.AvgDurationMs).ThenByDescending(n => n.P95DurationMs).ThenBy(n => n.NodeId, StringComparer.Ordinal)
                .ToList(),
        };
    }

    private static double P95(List<double> values)
    {
        values.Sort();
        return values[Math.Max(0, (int)Math.Ceiling(values.Count * 0.95) - 1)];
    }

    private sealed class NodeSample
    {
        public List<double> Durations { get; } = [];

        public int Failures { get; set; }
    }
}
