namespace Workflow.Api.Tests.Designer;

/// <summary>A silo serving a tiny fake designer build from a temp folder.</summary>
public sealed class DesignerBuild : IAsyncLifetime
{
    public const string IndexMarker = "<div id=\"root\" data-test=\"designer\"></div>";
    public const string Script = "console.log('designer');";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "wf-designer-" + Guid.NewGuid().ToString("N"));

    public WorkflowApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "assets"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "index.html"),
            $"<!doctype html><html><head><script type=\"module\" src=\"/assets/app-3f2a1b.js\"></script></head><body>{IndexMarker}</body></html>");
        await File.WriteAllTextAsync(Path.Combine(Folder, "assets", "app-3f2a1b.js"), Script);
        Factory = new WorkflowApiFactory { Settings = { ["Workflow:Designer:Path"] = Folder } };
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
