using System.Text.Json.Nodes;

namespace Workflow.Core.Graph;

/// <summary>One node of the graph. <see cref="Config"/> is validated against the node type's schema.</summary>
public sealed record NodeDefinition
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public Position? Position { get; init; }
    /// <summary>Free-form designer data (label, notes); never interpreted by the engine.</summary>
    public JsonObject? Data { get; init; }
    public JsonObject? Config { get; init; }
}

/// <summary>Canvas position of a node.</summary>
public sealed record Position(double X, double Y);
