using System.Text.Json.Nodes;

namespace Workflow.Core.Graph;

/// <summary>A declared workflow variable with its initial value.</summary>
public sealed record VariableDefinition
{
    public string Name { get; init; } = "";
    public JsonNode? Default { get; init; }
}
