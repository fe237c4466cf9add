namespace Workflow.Core.Validation;

/// <summary>Size limits of a workflow document, enforced before and after deserialisation.</summary>
public sealed record WorkflowLimits
{
    public const string SectionName = "Workflow:Limits";

    public int MaxNodes { get; init; } = 2_000;
    public int MaxEdges { get; init; } = 10_000;
    public int MaxJsonDepth { get; init; } = 64;
    public int MaxDocumentBytes { get; init; } = 2 * 1024 * 1024;
}
