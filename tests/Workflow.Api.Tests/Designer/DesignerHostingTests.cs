using System.Net;

namespace Workflow.Api.Tests.Designer;

public sealed class DesignerHostingTests(DesignerBuild build) : IClassFixture<DesignerBuild>
{
    private readonly HttpClient _anonymous = build.Factory.CreateAnonymousClient();

    [Fact]
    public async Task Root_ServesIndexHtmlWithoutSignIn_WithStrictCsp()
    {
        using var response = await _anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(DesignerBuild.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task DeepLink_FallsBackToIndexHtml()
    {
        using var response = await _anonymous.GetAsync("/workflows/abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DesignerBuild.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asset_ServedWithItsTypeAndLongCache()
    {
        using var response = await _anonymous.GetAsync("/assets/app-3f2a1b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DesignerBuild.Script, await response.Content.ReadAsStringAsync());
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAsset_404NotIndex()
    {
        using var response = await _anonymous.GetAsync("/assets/missing-123.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/hubs/unknown")]
    [InlineData("/openapi/unknown")]
    public async Task UnknownServerRoute_StillProblem404(string path)
    {
        using var client = build.Factory.CreateAdminClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiRoutes_StillNeedSignIn()
    {
        using var response = await _anonymous.GetAsync("/api/workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
