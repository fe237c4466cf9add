using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ValidationApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Validate_DanglingEdgeAndUnknownType_ListsEachErrorWithCodeAndIds()
    {
        var document = Document("v", [Trigger(), Node("x", "no_such_type", [])], [Edge("start", "ghost")]);

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows/validate", document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body!["valid"]!.GetValue<bool>());
        var errors = body["errors"]!.AsArray();
        Assert.Contains(errors, e => e.Str("code") == "dangling_edge" && e.Str("edgeId") == "start-ghost");
        Assert.Contains(errors, e => e.Str("code") == "unknown_node_type" && e.Str("nodeId") == "x");
    }

    [Fact]
    public async Task Validate_ValidDocument_ReturnsValidTrue()
    {
        var (_, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows/validate", TestWorkflows.Simple());

        Assert.True(body!["valid"]!.GetValue<bool>());
        Assert.Empty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task Create_InvalidDocument_Returns400ProblemListingErrorsAndStoresNothing()
    {
        var name = Unique("invalid");
        var document = Document(name, [Node("a", "transform", new JsonObject { ["code"] = "return 1;" })], []);

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows", document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", body.Str("code"));
        Assert.Contains(body!["errors"]!.AsArray(), e => e.Str("code") == "no_trigger");
        var (_, list) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows?search={name}");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_InvalidConfig_Returns400WithInvalidConfigOnThatNode()
    {
        var document = Document(Unique("cfg"), [Trigger(), Node("wait", "delay", new JsonObject { ["durationSeconds"] = "soon" })], [Edge("start", "wait")]);

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows", document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(body!["errors"]!.AsArray(), e => e.Str("code") == "invalid_config" && e.Str("nodeId") == "wait");
    }

    [Theory]
    [InlineData("/api/workflows")]
    [InlineData("/api/workflows/validate")]
    public async Task Post_MalformedJson_Returns400InvalidJson(string url)
    {
        var (response, body) = await _client.PostRawAsync(url, Encoding.UTF8.GetBytes("{\"name\": \"x\", \"definition\": {"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", body.Str("code"));
    }

    [Theory]
    [InlineData("/api/workflows")]
    [InlineData("/api/workflows/validate")]
    public async Task Post_TenMegabyteBody_Returns413(string url)
    {
        var big = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 10 * 1024 * 1024) + "\"}");

        var (response, body) = await _client.PostRawAsync(url, big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_large", body.Str("code"));
    }

    [Theory]
    [InlineData("/api/workflows")]
    [InlineData("/api/workflows/validate")]
    public async Task Post_TenThousandDeepNesting_Returns400TooDeep(string url)
    {
        var deep = "{\"name\":\"x\",\"description\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var (response, body) = await _client.PostRawAsync(url, Encoding.UTF8.GetBytes(deep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too_deep", body.Str("code"));
        var (health, _) = await _client.SendJsonAsync(HttpMethod.Get, "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task StartExecution_DeepInput_Returns400AndLargeInput413()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var url = $"/api/workflows/{created.Str("id")}/executions";

        var (deep, deepBody) = await _client.PostRawAsync(url, Encoding.UTF8.GetBytes("{\"input\":" + new string('[', 10_000) + new string(']', 10_000) + "}"));
        var (large, largeBody) = await _client.PostRawAsync(url, Encoding.UTF8.GetBytes("{\"input\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"));
        var (bad, badBody) = await _client.PostRawAsync(url, Encoding.UTF8.GetBytes("{\"input\":"));

        Assert.Equal((HttpStatusCode.BadRequest, "too_deep"), (deep.StatusCode, deepBody.Str("code")));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "too_large"), (large.StatusCode, largeBody.Str("code")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_json"), (bad.StatusCode, badBody.Str("code")));
    }
}
