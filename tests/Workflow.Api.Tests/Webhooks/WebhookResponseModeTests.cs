using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class WebhookResponseModeTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private readonly HttpClient _hooks = factory.CreateAnonymousClient();

    [Fact]
    public async Task OnReceived_Returns202WithExecutionId_RunGetsTriggerData()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, "onReceived"));

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}?source=test", new JsonObject { ["n"] = 1 });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (_, execution) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/executions/{body.Str("executionId")}");
        Assert.Equal("webhook", execution.Str("triggeredBy"));
    }

    [Fact]
    public async Task LastNode_AnswersWithResult()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}?a=1&a=2", new JsonObject { ["n"] = 7 });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", body.Str("method"));
        Assert.Equal(7, body["body"]!["n"]!.GetValue<int>());
        Assert.Equal("[\"1\",\"2\"]", body["query"]!["a"]!.ToJsonString());
        Assert.StartsWith("application/json", body["headers"]!.Str("content-type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastNode_FailedRun_Answers500ExecutionFailed()
    {
        var path = WebhookWorkflows.UniquePath();
        var document = WebhookWorkflows.Echo(path);
        document["definition"]!["nodes"]![1]!["config"]!["code"] = "throw new Error('boom');";
        await WebhookWorkflows.CreateActiveAsync(_admin, document);

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("execution_failed", body.Str("code"));
        Assert.False(string.IsNullOrEmpty(body.Str("executionId")));
    }

    [Fact]
    public async Task RespondNode_AppliesStatusHeadersAndBody()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Pipeline(path, "respondNode"));

        var big = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject { ["qty"] = 3, ["price"] = 50 });
        var small = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject { ["qty"] = 1, ["price"] = 5 });
        var bigBody = JsonNode.Parse(await big.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, big.StatusCode);
        Assert.Equal("big", big.Headers.GetValues("x-flag").Single());
        Assert.Equal(150, bigBody["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.False(JsonNode.Parse(await small.Content.ReadAsStringAsync())!["big"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RespondNode_RunWithoutRespond_Answers500NoResponse()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, "respondNode"));

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("no_response", body.Str("code"));
    }

    [Fact]
    public async Task Body_WithExpressionSyntax_StaysData()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject { ["text"] = "{{ 1+1 }}" });
        using var plain = new StringContent("{{ 1+1 }}");
        var text = await _hooks.PostAsync($"/hooks/default/{path}", plain);

        Assert.Equal("{{ 1+1 }}", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["body"]!.Str("text"));
        Assert.Equal("{{ 1+1 }}", JsonNode.Parse(await text.Content.ReadAsStringAsync())!.Str("body"));
    }

    [Fact]
    public async Task TriggerData_HeadersLowerCased_WithoutCredentials()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/default/{path}") { Content = JsonContent.Create(new JsonObject()) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-token");
        request.Headers.TryAddWithoutValidation("Cookie", "session=secret");
        request.Headers.TryAddWithoutValidation("X-Api-Key", "wfk_secret");
        request.Headers.TryAddWithoutValidation("X-Custom", "kept");
        var response = await _hooks.SendAsync(request);
        var headers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["headers"]!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kept", headers.Str("x-custom"));
        Assert.False(headers.ContainsKey("authorization"));
        Assert.False(headers.ContainsKey("cookie"));
        Assert.False(headers.ContainsKey("x-api-key"));
    }
}
