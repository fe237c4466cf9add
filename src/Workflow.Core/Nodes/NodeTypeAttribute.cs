namespace Workflow.Core.Nodes;

/// <summary>Designer metadata of a node type, read once to build its <see cref="NodeDescriptor"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NodeTypeAttribute(string type) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; init; } = "core";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string Icon { get; init; } = "box";
    public string Color { get; init; } = "#64748b";
    /// <summary>Comma-separated output handle ids, e.g. "true,false".</summary>
    public string Outputs { get; init; } = "out";
    /// <summary>Comma-separated input handle ids; empty for trigger nodes.</summary>
    public string Inputs { get; init; } = "in";
    public bool DynamicOutputs { get; init; }
}
