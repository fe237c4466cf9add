using System.Text.Json.Nodes;

namespace Workflow.Core.Nodes;

/// <summary>What the designer needs to know about a node type (served by <c>GET /api/nodes</c>).</summary>
public sealed record NodeDescriptor
{
    public required string Type { get; init; }
    public required string Category { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Icon { get; init; }
    public required string Color { get; init; }
    public required IReadOnlyList<NodePort> Inputs { get; init; }
    public required IReadOnlyList<NodePort> Outputs { get; init; }
    /// <summary>True when output handles come from the config (switch cases, parallel branches).</summary>
    public bool DynamicOutputs { get; init; }
    public required JsonObject ConfigSchema { get; init; }
}

/// <summary>An input or output handle of a node.</summary>
public sealed record NodePort(string Id, string Label);
