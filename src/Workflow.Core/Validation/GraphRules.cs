using Workflow.Core.Graph;

namespace Workflow.Core.Validation;

/// <summary>Whole-graph checks: cycles that bypass a loop, and nodes no trigger reaches.</summary>
internal static class GraphRules
{
    /// <summary>
    /// One error per cycle closed by a forward edge. Back edges (from a loop's body into that loop) end an
    /// iteration and are left out, so what remains must be acyclic. Iterative DFS: no recursion on deep graphs.
    /// </summary>
    public static IEnumerable<ValidationError> IllegalCycles(WorkflowGraph graph)
    {
        var state = new Dictionary<string, Visit>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var stack = new Stack<(string Id, int Next)>();
        foreach (var start in graph.Definition.Nodes.Select(n => n.Id))
        {
            if (state.ContainsKey(start))
            {
                continue;
            }
            state[start] = Visit.OnPath;
            stack.Push((start, 0));
            path.Add(start);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var outgoing = graph.OutgoingOf(id);
                if (next >= outgoing.Count)
                {
                    state[id] = Visit.Done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                stack.Push((id, next + 1));
                var edge = outgoing[next];
                if (graph.IsBackEdge(edge))
                {
                    continue;
                }
                if (!state.TryGetValue(edge.Target, out var seen))
                {
                    state[edge.Target] = Visit.OnPath;
                    stack.Push((edge.Target, 0));
                    path.Add(edge.Target);
                }
                else if (seen == Visit.OnPath && reported.Add(edge.Target))
                {
                    yield return new ValidationError(
                        ValidationCodes.IllegalCycle,
                        $"Cycle {Describe(path, path.LastIndexOf(edge.Target))} does not pass through a loop: only an edge from a loop's body back into its '{NodeTypes.Loop}' node may close a cycle.",
                        edge.Target,
                        string.IsNullOrWhiteSpace(edge.Id) ? null : edge.Id);
                }
            }
        }
    }

    private static string Describe(List<string> path, int start)
    {
        const int shown = 8;
        var length = path.Count - start;
        var cycle = length <= shown
            ? path.Skip(start)
            : path.Skip(start).Take(shown / 2).Append("…").Concat(path.Skip(path.Count - (shown / 2)));
        var text = string.Join(" → ", cycle.Append(path[start]));
        return length <= shown ? text : $"{text} ({length} nodes)";
    }

    /// <summary>A warning for every node that no trigger reaches.</summary>
    public static IEnumerable<ValidationError> Unreachable(WorkflowGraph graph, IEnumerable<string> triggers)
    {
        var reached = graph.ReachableFrom(triggers);
        return graph.Definition.Nodes
            .Where(n => !reached.Contains(n.Id))
            .Select(n => new ValidationError(ValidationCodes.UnreachableNode, $"Node '{n.Id}' is not reachable from any trigger; it will never run.", n.Id));
    }

    private enum Visit { OnPath, Done }
}
