using System.Collections.Concurrent;
using Workflow.Core.Graph;

namespace Workflow.Grains.Executions;

/// <summary>
/// Parsed, indexed workflow versions shared by all executions of the process. A saved version never changes,
/// so (tenant, workflow, version) identifies its content; the cache is bounded and simply cleared when full.
/// </summary>
public sealed class PinnedWorkflowCache
{
    private const int Capacity = 2048;
    private readonly ConcurrentDictionary<(string Tenant, Guid Id, int Version), PinnedWorkflow> _entries = new();

    /// <summary>The cached version, if it is.</summary>
    public PinnedWorkflow? Find(string tenant, Guid workflowId, int version) =>
        _entries.TryGetValue((tenant, workflowId, version), out var hit) ? hit : null;

    public PinnedWorkflow Get(string tenant, Guid workflowId, int version, string json)
    {
        var key = (tenant, workflowId, version);
        if (_entries.TryGetValue(key, out var hit))
        {
            return hit;
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        var document = WorkflowJson.Deserialize(json);
        return _entries.GetOrAdd(key, new PinnedWorkflow(document, new WorkflowGraph(document.Definition)));
    }
}

/// <summary>A parsed workflow version and its graph index.</summary>
public sealed record PinnedWorkflow(WorkflowDocument Document, WorkflowGraph Graph);
