using Microsoft.Extensions.FileProviders;

namespace Workflow.Silo.Hosting;

/// <summary>The designer build being served, or none (then the silo answers a "not built" page).</summary>
public sealed class DesignerSite
{
    public const string IndexFile = "index.html";

    public DesignerSite(string? root)
    {
        Root = root;
        Files = root is null ? null : new PhysicalFileProvider(root);
    }

    /// <summary>The folder holding <c>index.html</c>, or null when there is no build.</summary>
    public string? Root { get; }

    public IFileProvider? Files { get; }

    /// <summary>Finds the build: the configured path, else <c>web/dist</c> walking up from each start folder.</summary>
    public static DesignerSite Locate(string? configured, string contentRoot, params string[] starts)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, contentRoot);
            return new DesignerSite(HasIndex(path) ? path : null);
        }
        foreach (var start in starts.Prepend(contentRoot))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "web", "dist");
                if (HasIndex(candidate))
                {
                    return new DesignerSite(candidate);
                }
            }
        }
        return new DesignerSite(null);
    }

    private static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, IndexFile));
}
