using System.Text.Json.Nodes;

namespace Workflow.Core.Nodes;

/// <summary>A node type: its descriptor and how it runs. One implementation per folder in Workflow.Nodes.</summary>
public interface INodeExecutor
{
    NodeDescriptor Descriptor { get; }

    /// <summary>
    /// The output handles a node with this config may emit, or null when any handle name is allowed
    /// (parallel branches). Used by validation to reject edges from unknown handles.
    /// </summary>
    IReadOnlyCollection<string>? OutputHandles(JsonObject? config);

    /// <summary>Runs the node. Expected failures are returned as <see cref="NodeResult.Failed"/>, never thrown.</summary>
    ValueTask<NodeResult> ExecuteAsync(NodeContext context, CancellationToken cancellationToken);
}
