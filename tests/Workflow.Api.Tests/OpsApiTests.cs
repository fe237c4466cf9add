using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpsApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Health_Returns200()
    {
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Get, "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.Str("status"));
    }

    [Fact]
    public async Task Dashboard_IsServedToASignedInUserOnly()
    {
        // Mapped on its first request (SiloHostingExtensions.MapWorkflowOps): the page, its script and its API answer.
        var bareRoot = await _client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var page = await _client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        var script = await _client.GetAsync(new Uri("/dashboard/index.min.js", UriKind.Relative));
        var (countersResponse, counters) = await _client.SendJsonAsync(HttpMethod.Get, "/dashboard/DashboardCounters");
        var bare = await factory.CreateAnonymousClient().GetAsync(new Uri("/dashboard/", UriKind.Relative));
        var anonymousApi = await factory.CreateAnonymousClient().GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, bareRoot.StatusCode); // to the page, so its relative links resolve
        Assert.Equal("/dashboard/", bareRoot.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "the dashboard script is served");
        Assert.Equal(HttpStatusCode.OK, countersResponse.StatusCode);
        Assert.True(counters?["totalActiveHostCount"]?.GetValue<int>() >= 1, counters?.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheRoutes()
    {
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Get, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = body!["paths"]!.AsObject();
        foreach (var path in new[] { "/api/workflows", "/api/workflows/{id}", "/api/workflows/validate", "/api/workflows/{id}/executions",
                     "/api/executions", "/api/executions/{id}", "/api/executions/{id}/retry", "/api/nodes" })
        {
            Assert.True(paths.ContainsKey(path), $"missing {path}");
        }
    }

    [Fact]
    public async Task Nodes_ServesEveryDescriptorWithTheContractFields()
    {
        var (_, body) = await _client.SendJsonAsync(HttpMethod.Get, "/api/nodes");

        var nodes = body!.AsArray();
        var types = nodes.Select(n => n.Str("type")).ToHashSet();
        foreach (var type in new[] { "trigger", "set", "transform", "if", "switch", "filter", "validate", "delay", "parallel", "merge", "loop", "respond" })
        {
            Assert.Contains(type, types);
        }
        foreach (var node in nodes)
        {
            foreach (var field in new[] { "type", "category", "name", "description", "icon", "color", "inputs", "outputs", "configSchema" })
            {
                Assert.True(node![field] is not null, $"{node.Str("type")} lacks {field}");
            }
        }
        var ifNode = nodes.Single(n => n.Str("type") == "if")!;
        Assert.Equal(["true", "false"], ifNode["outputs"]!.AsArray().Select(p => p.Str("id")));
        Assert.NotNull(ifNode["configSchema"]!["properties"]!["condition"]);
    }

    [Fact]
    public async Task Nodes_MatchSnapshot()
    {
        var (_, body) = await _client.SendJsonAsync(HttpMethod.Get, "/api/nodes");
        var actual = body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var path = Path.Combine(AppContext.BaseDirectory, "snapshots", "nodes.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            var source = Path.Combine(Workflow.Tests.Shared.RepositoryPaths.Root(), "tests", "Workflow.Api.Tests", "snapshots", "nodes.json");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            await File.WriteAllTextAsync(source, actual + "\n");
            return;
        }
        Assert.True(File.Exists(path), "snapshots/nodes.json is missing: run the tests once with UPDATE_SNAPSHOTS=1 and review it");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(expected, body), "GET /api/nodes changed; if intended, run with UPDATE_SNAPSHOTS=1 and review the diff");
    }
}
