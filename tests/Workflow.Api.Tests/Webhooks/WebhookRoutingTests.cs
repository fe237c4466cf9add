using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class WebhookRoutingTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private readonly HttpClient _hooks = factory.CreateAnonymousClient();

    [Fact]
    public async Task UnknownPath_404()
    {
        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{WebhookWorkflows.UniquePath()}", new JsonObject());

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task DraftWorkflow_404()
    {
        var path = WebhookWorkflows.UniquePath();
        await _admin.CreateWorkflowAsync(WebhookWorkflows.Echo(path));

        var response = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject());

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("archive")]
    public async Task DeactivatedWorkflow_404(string action)
    {
        var path = WebhookWorkflows.UniquePath();
        var id = await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));
        var before = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject());

        await _admin.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/{action}");
        var after = await _hooks.PostAsJsonAsync($"/hooks/default/{path}", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertProblemAsync(after, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task OtherTenantSamePath_404()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));

        var response = await _hooks.PostAsJsonAsync($"/hooks/other-tenant/{path}", new JsonObject());

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task MethodMismatch_405_AnyAcceptsAll()
    {
        var path = WebhookWorkflows.UniquePath();
        var anyPath = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(anyPath, method: "ANY"));

        var get = await _hooks.GetAsync($"/hooks/default/{path}");
        var anyGet = await _hooks.GetAsync($"/hooks/default/{anyPath}");
        var anyPut = await _hooks.PutAsJsonAsync($"/hooks/default/{anyPath}", new JsonObject());

        await AssertProblemAsync(get, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal(HttpStatusCode.OK, anyGet.StatusCode);
        Assert.Equal("PUT", JsonNode.Parse(await anyPut.Content.ReadAsStringAsync()).Str("method"));
    }

    [Fact]
    public async Task BodyOverLimit_413()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, "onReceived"));

        var (response, body) = await _hooks.PostRawAsync($"/hooks/default/{path}", new byte[1024 * 1024 + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_large", body.Str("code"));
    }

    [Fact]
    public async Task ChunkedBodyOverLimit_413()
    {
        var path = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, "onReceived"));

        using var content = new ChunkedContent(1024 * 1024 + 10);
        var response = await _hooks.PostAsync($"/hooks/default/{path}", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_large");
    }

    [Fact]
    public async Task SecondWorkflowSamePath_ActivationRefused409_FirstKeepsPath()
    {
        var path = WebhookWorkflows.UniquePath();
        var first = await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));
        var second = await _admin.CreateWorkflowAsync(WebhookWorkflows.Echo(path));

        var (refused, problem) = await _admin.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{second.Str("id")}/activate");
        var (_, stored) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{second.Str("id")}");
        var (hook, _) = await _hooks.SendJsonAsync(HttpMethod.Post, $"/hooks/default/{path}", new JsonObject());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("trigger_conflict", problem.Str("code"));
        Assert.Contains(first, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("draft", stored.Str("status"));
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
    }

    [Fact]
    public async Task PathFreedByPause_CanBeTakenByAnotherWorkflow()
    {
        var path = WebhookWorkflows.UniquePath();
        var first = await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));
        await _admin.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{first}/pause");

        var second = await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path));
        var (_, body) = await _hooks.SendJsonAsync(HttpMethod.Post, $"/hooks/default/{path}", new JsonObject());

        Assert.NotEqual(first, second);
        Assert.Equal("POST", body.Str("method"));
    }

    [Fact]
    public async Task SavingActiveWorkflowOntoTakenPath_409AndNewVersionPaused()
    {
        var taken = WebhookWorkflows.UniquePath();
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(taken));
        var own = WebhookWorkflows.UniquePath();
        var document = WebhookWorkflows.Echo(own);
        var id = await WebhookWorkflows.CreateActiveAsync(_admin, document);

        document["definition"]!["nodes"]![0]!["config"]!["path"] = taken;
        var (response, problem) = await _admin.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", document, ifMatch: "1");
        var (_, stored) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}");
        var (ownHook, _) = await _hooks.SendJsonAsync(HttpMethod.Post, $"/hooks/default/{own}", new JsonObject());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("trigger_conflict", problem.Str("code"));
        Assert.Equal("paused", stored.Str("status"));
        Assert.Equal(HttpStatusCode.NotFound, ownHook.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(code, JsonNode.Parse(text).Str("code"));
    }

    /// <summary>A body sent without Content-Length (chunked).</summary>
    private sealed class ChunkedContent(int size) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(new byte[size]).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
