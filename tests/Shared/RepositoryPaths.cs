namespace Workflow.Tests.Shared;

/// <summary>Finds the repository root (the folder holding Workflow.sln) from a test's output directory.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Workflow.sln not found above the test directory.");
    }
}
