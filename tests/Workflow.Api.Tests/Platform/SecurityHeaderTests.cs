using System.Net;

namespace Workflow.Api.Tests.Platform;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeaderTests(WorkflowApiFactory factory)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/workflows")]
    public async Task Responses_CarrySecurityHeaders(string path)
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossOriginRequest_GetsNoCorsAllowance_ByDefault()
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/workflows");
        request.Headers.Add("Origin", "http://127.0.0.1:9");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
