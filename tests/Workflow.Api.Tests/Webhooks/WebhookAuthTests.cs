using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Api.Endpoints;
using Workflow.Api.Webhooks;
using Workflow.Grains.Executions;

namespace Workflow.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class WebhookAuthTests(WorkflowApiFactory factory)
{
    private const string Secret = "whsec_c2VjcmV0LWZvci13ZWJob29rLXRlc3Rz";
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private readonly HttpClient _hooks = factory.CreateAnonymousClient();

    [Fact]
    public async Task Hmac_ValidSignature_Accepted_SignatureHeaderNotInTriggerData()
    {
        var path = await HmacHookAsync("lastNode");

        var response = await SendSignedAsync(path, "{\"n\":1}", Guid.NewGuid().ToString(), DateTimeOffset.UtcNow);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body["body"]!["n"]!.GetValue<int>());
        Assert.Null(body["headers"]!["webhook-signature"]);
        Assert.NotNull(body["headers"]!["webhook-id"]);
    }

    [Fact]
    public async Task Hmac_BadSignature_401InvalidSignature()
    {
        var path = await HmacHookAsync();

        var response = await SendSignedAsync(path, "{\"n\":1}", "msg-1", DateTimeOffset.UtcNow, tamperBody: "{\"n\":2}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_signature");
    }

    [Fact]
    public async Task Hmac_MissingSignature_401InvalidSignature()
    {
        var path = await HmacHookAsync();

        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await _hooks.PostAsync($"/hooks/default/{path}", content);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_signature");
    }

    [Fact]
    public async Task Hmac_OldTimestamp_401StaleTimestamp()
    {
        var path = await HmacHookAsync();

        var response = await SendSignedAsync(path, "{}", "msg-old", DateTimeOffset.UtcNow.AddMinutes(-6));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "stale_timestamp");
    }

    [Fact]
    public async Task Hmac_Replay_Answers2xxAndStartsNothing()
    {
        var (workflowId, path) = await HmacWorkflowAsync("onReceived");
        var id = Guid.NewGuid().ToString();

        var first = await SendSignedAsync(path, "{\"n\":1}", id, DateTimeOffset.UtcNow);
        var firstId = JsonNode.Parse(await first.Content.ReadAsStringAsync()).Str("executionId");
        await WaitForCountAsync(workflowId, 1);
        var replay = await SendSignedAsync(path, "{\"n\":1}", id, DateTimeOffset.UtcNow);
        var replayBody = JsonNode.Parse(await replay.Content.ReadAsStringAsync())!;
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replayBody["duplicate"]!.GetValue<bool>());
        Assert.Equal(firstId, replayBody.Str("executionId"));
        Assert.Equal(1, await WebhookWorkflows.CountExecutionsAsync(_admin, workflowId));
    }

    [Fact]
    public async Task ApiKey_RightKeyAccepted_WrongOrMissing401_KeyNotInTriggerData()
    {
        var path = WebhookWorkflows.UniquePath();
        var auth = new JsonObject { ["type"] = "apiKey", ["header"] = "X-Hook-Key", ["value"] = "k-123" };
        await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, auth: auth));

        var ok = await SendWithKeyAsync(path, "k-123");
        var wrong = await SendWithKeyAsync(path, "k-124");
        var missing = await SendWithKeyAsync(path, null);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Null(JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["headers"]!["x-hook-key"]);
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "invalid_api_key");
        await AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public void DeterministicId_MatchesExecutionLauncher()
    {
        Assert.Equal(ExecutionLauncher.DeterministicId("default:x:start:msg-1"), WebhookEndpoints.DeterministicId("default:x:start:msg-1"));
    }

    private async Task<string> HmacHookAsync(string mode = "onReceived") => (await HmacWorkflowAsync(mode)).Path;

    private async Task<(string WorkflowId, string Path)> HmacWorkflowAsync(string mode)
    {
        var path = WebhookWorkflows.UniquePath();
        var auth = new JsonObject { ["type"] = "hmac", ["secret"] = Secret };
        return (await WebhookWorkflows.CreateActiveAsync(_admin, WebhookWorkflows.Echo(path, mode, auth: auth)), path);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(string path, string body, string id, DateTimeOffset at, string? tamperBody = null)
    {
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/default/{path}")
        {
            Content = new StringContent(tamperBody ?? body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", "v1,AAAA " + WebhookAuth.Sign(Secret, id, timestamp, Encoding.UTF8.GetBytes(body)));
        return await _hooks.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/default/{path}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-Hook-Key", key);
        }
        return await _hooks.SendAsync(request);
    }

    private async Task WaitForCountAsync(string workflowId, int count)
    {
        for (var i = 0; i < 100 && await WebhookWorkflows.CountExecutionsAsync(_admin, workflowId) < count; i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(code, JsonNode.Parse(text).Str("code"));
    }
}
