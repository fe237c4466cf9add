using System.Text.Json;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Validation;

/// <summary>The output handles an edge may leave one node from, as its executor reports them for its config.</summary>
internal sealed class HandleSet
{
    private static readonly HandleSet Anything = new(null, "", routesErrors: false);

    private readonly IReadOnlyCollection<string>? _handles;
    private readonly string _type;
    private readonly bool _routesErrors;

    private HandleSet(IReadOnlyCollection<string>? handles, string type, bool routesErrors)
    {
        _handles = handles;
        _type = type;
        _routesErrors = routesErrors;
    }

    public static HandleSet For(NodeDefinition node, NodeRegistry registry)
    {
        if (!registry.TryGet(node.Type ?? "", out var executor))
        {
            return Anything; // unknown_node_type is reported already
        }
        try
        {
            // onError "route" sends failures down the "error" handle of any node type (DESIGN §2).
            var routes = CommonNodeConfig.Read(node.Config).OnError == OnError.Route;
            return new HandleSet(executor.OutputHandles(node.Config), node.Type!, routes);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Anything; // a config the executor cannot read: invalid_config says why
        }
    }

    /// <summary>Null when an edge may leave from <paramref name="handle"/>, else the reason it may not.</summary>
    public string? Rejects(string? handle)
    {
        if (_handles is null)
        {
            return null; // any handle name (parallel branches) or unchecked
        }
        if (handle is null)
        {
            return _handles.Contains(NodeTypes.Out)
                ? null
                : $"without a sourceHandle, but type '{_type}' has no default '{NodeTypes.Out}' handle (use one of: {List()})";
        }
        if (_handles.Contains(handle) || (_routesErrors && handle == NodeTypes.ErrorHandle))
        {
            return null;
        }
        return $"from handle '{handle}', which type '{_type}' does not offer with this config (handles: {List()})";
    }

    private string List() => _handles!.Count == 0 ? "none" : string.Join(", ", _handles);
}
