namespace Workflow.Core.Graph;

/// <summary>The graph: nodes, edges and declared variables.</summary>
public sealed record WorkflowDefinition
{
    public IReadOnlyList<NodeDefinition> Nodes { get; init; } = [];
    public IReadOnlyList<EdgeDefinition> Edges { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
}
