namespace Workflow.Core.Nodes;

/// <summary>The set of node types known to this process, by type id.</summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, INodeExecutor> _byType;

    public NodeRegistry(IEnumerable<INodeExecutor> executors)
    {
        _byType = new Dictionary<string, INodeExecutor>(StringComparer.Ordinal);
        foreach (var executor in executors)
        {
            if (!_byType.TryAdd(executor.Descriptor.Type, executor))
            {
                throw new InvalidOperationException($"Node type '{executor.Descriptor.Type}' is registered twice.");
            }
        }
        Descriptors = _byType.Values.Select(e => e.Descriptor).OrderBy(d => d.Category, StringComparer.Ordinal)
            .ThenBy(d => d.Type, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Descriptors ordered by category then type.</summary>
    public IReadOnlyList<NodeDescriptor> Descriptors { get; }

    public bool TryGet(string type, out INodeExecutor executor) => _byType.TryGetValue(type, out executor!);

    public INodeExecutor Get(string type) =>
        _byType.TryGetValue(type, out var e) ? e : throw new KeyNotFoundException($"Unknown node type '{type}'.");
}
