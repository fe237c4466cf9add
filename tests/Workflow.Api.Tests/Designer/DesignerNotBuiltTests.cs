using System.Net;

namespace Workflow.Api.Tests.Designer;

/// <summary>A silo whose configured designer folder has no build.</summary>
public sealed class DesignerNotBuiltTests : IAsyncLifetime
{
    private readonly WorkflowApiFactory _factory = new()
    {
        Settings = { ["Workflow:Designer:Path"] = Path.Combine(Path.GetTempPath(), "wf-no-designer-" + Guid.NewGuid().ToString("N")) },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/workflows/abc")]
    public async Task Get_AnswersNotBuiltPage(string path)
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("designer is not built", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
