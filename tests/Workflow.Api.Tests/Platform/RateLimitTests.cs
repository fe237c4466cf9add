using System.Net;

namespace Workflow.Api.Tests.Platform;

/// <summary>Per-tenant rate limiting, on a silo of its own with a small bucket.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly WorkflowApiFactory _factory = new()
    {
        Settings = { ["Workflow:RateLimit:PermitsPerSecond"] = "2", ["Workflow:RateLimit:Burst"] = "20" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Flood_FromOneTenant_Gets429WithRetryAfter_WhileAnotherTenantIsServed()
    {
        var flooder = await _factory.CreateTenantAsync();
        var quiet = await _factory.CreateTenantAsync();
        await quiet.Owner.GetAsync("/api/workflows"); // signs in before the flood

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => flooder.Owner.GetAsync("/api/workflows")));
        var quietResponses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            quietResponses.Add(await quiet.Owner.GetAsync("/api/workflows"));
        }

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToArray();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(limited, r => Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1));
        var problem = await limited[0].Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"rate_limited\"", problem, StringComparison.Ordinal);
        Assert.All(quietResponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Webhook_FromACallerCarryingAFloodedTenantsToken_IsLimitedByItsAddressNotTheToken()
    {
        var flooder = await _factory.CreateTenantAsync();
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => flooder.Owner.GetAsync("/api/workflows")));
        Assert.Contains(flood, r => r.StatusCode == HttpStatusCode.TooManyRequests);

        // Webhooks are anonymous to the API: the token they happen to carry is not read, so the tenant's empty bucket
        // does not apply (the unknown path answers 404 rather than 429).
        using var hook = await flooder.Owner.PostAsync($"/hooks/{flooder.Name}/no-such-hook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, hook.StatusCode);
        using var api = await flooder.Owner.GetAsync("/api/workflows");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }
}
