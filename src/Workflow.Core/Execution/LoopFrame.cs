using System.Text.Json.Nodes;

namespace Workflow.Core.Execution;

/// <summary>The progress of a running <c>loop</c> node.</summary>
public sealed record LoopFrame
{
    /// <summary>foreach: the items; for: null.</summary>
    public JsonArray? Items { get; init; }
    /// <summary>Index of the current (or next) iteration.</summary>
    public int Index { get; init; }
    /// <summary>The current iteration's item (foreach), index (for) or null (while).</summary>
    public JsonNode? Item { get; init; }
    /// <summary>Each finished iteration's last body output.</summary>
    public JsonArray Outputs { get; init; } = [];
}
