namespace Workflow.Silo.Hosting;

/// <summary>Where the built designer is (<c>Workflow:Designer</c>).</summary>
public sealed class DesignerOptions
{
    public const string SectionName = "Workflow:Designer";

    /// <summary>
    /// The designer build (the folder with <c>index.html</c>), relative to the content root or absolute. Default: the
    /// first <c>web/dist</c> found walking up from the content root, then from the application's base directory.
    /// </summary>
    public string? Path { get; set; }
}
