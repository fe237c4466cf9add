using System.Reflection;
using Workflow.Core.Nodes;

namespace Workflow.Nodes;

/// <summary>The built-in node types: every public <see cref="INodeExecutor"/> in this assembly (one per folder).</summary>
public static class NodeCatalog
{
    public static IReadOnlyList<INodeExecutor> BuiltIn() => typeof(NodeCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(INodeExecutor).IsAssignableFrom(t)
            && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (INodeExecutor)Activator.CreateInstance(t)!)
        .ToArray();

    public static NodeRegistry CreateRegistry() => new(BuiltIn());
}
