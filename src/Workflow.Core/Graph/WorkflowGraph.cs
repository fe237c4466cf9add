using System.Collections.Frozen;

namespace Workflow.Core.Graph;

/// <summary>
/// An indexed, read-only view of a definition for the planner: edges by source and target, loop bodies
/// (nodes reached from a loop's <c>body</c> handle without passing through the loop) and back edges.
/// Built once per pinned workflow version.
/// </summary>
public sealed class WorkflowGraph
{
    private static readonly IReadOnlyList<EdgeDefinition> NoEdges = [];

    public WorkflowGraph(WorkflowDefinition definition)
    {
        Definition = definition;
        Nodes = definition.Nodes.GroupBy(n => n.Id).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Outgoing = definition.Edges.GroupBy(e => e.Source)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<EdgeDefinition>)g.ToArray(), StringComparer.Ordinal);
        Incoming = definition.Edges.GroupBy(e => e.Target)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<EdgeDefinition>)g.ToArray(), StringComparer.Ordinal);

        var bodies = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var loop in definition.Nodes.Where(n => n.Type == NodeTypes.Loop))
        {
            bodies[loop.Id] = ReachableFrom(OutgoingOf(loop.Id).Where(e => e.SourceHandle == NodeTypes.LoopBody).Select(e => e.Target), stopAt: loop.Id);
        }
        LoopBodies = bodies.ToFrozenDictionary(StringComparer.Ordinal);

        // Innermost loop of a node = the containing loop with the smallest body.
        var innermost = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (loopId, body) in LoopBodies.OrderByDescending(kv => kv.Value.Count))
        {
            foreach (var nodeId in body)
            {
                innermost[nodeId] = loopId;
            }
        }
        EnclosingLoop = innermost.ToFrozenDictionary(StringComparer.Ordinal);
        ForwardIncoming = Incoming.ToFrozenDictionary(
            kv => kv.Key, kv => (IReadOnlyList<EdgeDefinition>)kv.Value.Where(e => !IsBackEdge(e)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Node id → its incoming edges that are not back edges (the planner asks for them at every step).</summary>
    private FrozenDictionary<string, IReadOnlyList<EdgeDefinition>> ForwardIncoming { get; }

    public WorkflowDefinition Definition { get; }
    public FrozenDictionary<string, NodeDefinition> Nodes { get; }
    public FrozenDictionary<string, IReadOnlyList<EdgeDefinition>> Outgoing { get; }
    public FrozenDictionary<string, IReadOnlyList<EdgeDefinition>> Incoming { get; }
    /// <summary>Loop node id → the nodes of its body.</summary>
    public FrozenDictionary<string, FrozenSet<string>> LoopBodies { get; }
    /// <summary>Node id → id of the innermost loop whose body holds it.</summary>
    public FrozenDictionary<string, string> EnclosingLoop { get; }

    public IReadOnlyList<EdgeDefinition> OutgoingOf(string nodeId) => Outgoing.TryGetValue(nodeId, out var e) ? e : NoEdges;

    public IReadOnlyList<EdgeDefinition> IncomingOf(string nodeId) => Incoming.TryGetValue(nodeId, out var e) ? e : NoEdges;

    /// <summary>True for an edge from inside a loop's body back into that loop (it ends an iteration).</summary>
    public bool IsBackEdge(EdgeDefinition edge) =>
        LoopBodies.TryGetValue(edge.Target, out var body) && body.Contains(edge.Source);

    /// <summary>Incoming edges that are not back edges.</summary>
    public IReadOnlyList<EdgeDefinition> ForwardIncomingOf(string nodeId) => ForwardIncoming.TryGetValue(nodeId, out var e) ? e : NoEdges;

    /// <summary>Nodes reachable from <paramref name="starts"/> (inclusive), not passing through <paramref name="stopAt"/>.</summary>
    public FrozenSet<string> ReachableFrom(IEnumerable<string> starts, string? stopAt = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(starts.Where(s => s != stopAt));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }
            foreach (var edge in OutgoingOf(id))
            {
                if (edge.Target != stopAt && !seen.Contains(edge.Target))
                {
                    stack.Push(edge.Target);
                }
            }
        }
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Nodes that can reach <paramref name="targets"/> (inclusive) walking edges backwards.</summary>
    public FrozenSet<string> Ancestors(IEnumerable<string> targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(targets);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }
            foreach (var edge in IncomingOf(id))
            {
                if (!IsBackEdge(edge) && !seen.Contains(edge.Source))
                {
                    stack.Push(edge.Source);
                }
            }
        }
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }
}
