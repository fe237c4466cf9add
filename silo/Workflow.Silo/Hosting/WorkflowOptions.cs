namespace Workflow.Silo.Hosting;

/// <summary>Top-level <c>Workflow</c> settings of the silo (DESIGN §6).</summary>
public sealed record WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>SQLite files and generated keys of the embedded default.</summary>
    public string DataDirectory { get; init; } = "./data";
}
