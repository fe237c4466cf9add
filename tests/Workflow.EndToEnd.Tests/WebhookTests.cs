using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.EndToEnd.Tests;

/// <summary>Webhook triggers over loopback HTTP on the real silo process: each response mode, HMAC auth and replay, restart.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "e2e-webhook-secret";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ResponseModes_AnswerAsConfigured_AndWebhookSurvivesKillAndRestart()
    {
        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            await silo.SignInAsync();
            await ActivateAsync(silo, Pipeline("orders/last", "lastNode", null));
            await ActivateAsync(silo, Pipeline("orders/respond", "respondNode", null));
            await ActivateAsync(silo, Pipeline("orders/received", "onReceived", null));
            using var hooks = new HttpClient { BaseAddress = silo.BaseAddress };

            using var last = await hooks.PostAsJsonAsync("/hooks/default/orders/last", Order(3, 50));
            using var respond = await hooks.PostAsJsonAsync("/hooks/default/orders/respond", Order(3, 50));
            using var small = await hooks.PostAsJsonAsync("/hooks/default/orders/respond", Order(1, 5));
            using var received = await hooks.PostAsJsonAsync("/hooks/default/orders/received", Order(1, 5));

            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
            var lastBody = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;
            Assert.Equal(201, lastBody["status"]!.GetValue<int>());
            Assert.Equal(150, lastBody["body"]!["total"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.Created, respond.StatusCode);
            Assert.Equal("big", respond.Headers.GetValues("x-flag").Single());
            Assert.Equal(150, JsonNode.Parse(await respond.Content.ReadAsStringAsync())!["total"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);
            Assert.False(JsonNode.Parse(await small.Content.ReadAsStringAsync())!["big"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.Accepted, received.StatusCode);
            var executionId = JsonNode.Parse(await received.Content.ReadAsStringAsync())!["executionId"]!.GetValue<string>();
            var done = await Api.PollAsync(silo.Client, executionId, e => Api.Status(e) == "completed", TimeSpan.FromSeconds(20));
            Assert.Equal("webhook", done["triggeredBy"]!.GetValue<string>());

            // The benchmark's load client reads the same answers, several over one connection, by length or in chunks.
            var order = Encoding.UTF8.GetBytes(Order(3, 50).ToJsonString());
            using (var raw = new Workflow.Benchmarks.RawHookClient(silo.BaseAddress, "orders/last", [order]))
            {
                for (var i = 0; i < 3; i++)
                {
                    var (status, text) = await raw.PostAsync(0, CancellationToken.None);
                    Assert.Equal(HttpStatusCode.OK, status);
                    Assert.True(JsonNode.DeepEquals(lastBody, JsonNode.Parse(text)), text);
                }
            }
            using (var raw = new Workflow.Benchmarks.RawHookClient(silo.BaseAddress, "orders/received", [order]))
            {
                var (status, text) = await raw.PostAsync(0, CancellationToken.None);
                Assert.Equal(HttpStatusCode.Accepted, status);
                Assert.NotNull(JsonNode.Parse(text)!["executionId"]);
            }
            await silo.KillAsync();
        }

        await using (var silo = new SiloProcess(_data))
        {
            await silo.StartAsync();
            using var hooks = new HttpClient { BaseAddress = silo.BaseAddress };
            using var again = await hooks.PostAsJsonAsync("/hooks/default/orders/respond", Order(3, 50));
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }
    }

    [Fact]
    public async Task Hmac_ValidAccepted_BadAndStaleRefused_ReplayStartsNothing()
    {
        await using var silo = new SiloProcess(_data);
        await silo.StartAsync();
        await silo.SignInAsync();
        var workflowId = await ActivateAsync(silo, Pipeline("signed", "onReceived", new JsonObject { ["type"] = "hmac", ["secret"] = Secret }));
        using var hooks = new HttpClient { BaseAddress = silo.BaseAddress };
        var now = DateTimeOffset.UtcNow;

        using var valid = await SendSignedAsync(hooks, "msg-1", now, "{\"qty\":1,\"price\":5}", "{\"qty\":1,\"price\":5}");
        using var bad = await SendSignedAsync(hooks, "msg-2", now, "{\"qty\":1,\"price\":5}", "{\"qty\":9,\"price\":5}");
        using var stale = await SendSignedAsync(hooks, "msg-3", now.AddMinutes(-6), "{}", "{}");
        var firstId = JsonNode.Parse(await valid.Content.ReadAsStringAsync())!["executionId"]!.GetValue<string>();
        await Api.PollAsync(silo.Client, firstId, e => Api.Status(e) == "completed", TimeSpan.FromSeconds(20));
        await WaitForCountAsync(silo.Client, workflowId, 1);
        using var replay = await SendSignedAsync(hooks, "msg-1", DateTimeOffset.UtcNow, "{\"qty\":1,\"price\":5}", "{\"qty\":1,\"price\":5}");
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("invalid_signature", JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("stale_timestamp", JsonNode.Parse(await stale.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.True(replay.IsSuccessStatusCode, $"replay answered {(int)replay.StatusCode}");
        Assert.Equal(firstId, JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["executionId"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync(silo.Client, workflowId));
    }

    /// <summary>webhook → transform (total) → if total &gt; 100 → respond big (201, x-flag) | respond small.</summary>
    private static JsonObject Pipeline(string path, string mode, JsonObject? auth)
    {
        var trigger = new JsonObject { ["kind"] = "webhook", ["path"] = path, ["method"] = "POST", ["responseMode"] = mode, ["auth"] = auth };
        return Document("hook-" + Guid.NewGuid().ToString("N")[..8],
            [
                Node("start", "trigger", trigger),
                Node("total", "transform", new JsonObject { ["code"] = "return { total: trigger.body.qty * trigger.body.price };" }),
                Node("check", "if", new JsonObject { ["condition"] = "{{ nodes.total.output.total > 100 }}" }),
                Node("big", "respond", new JsonObject
                {
                    ["status"] = 201,
                    ["headers"] = new JsonObject { ["x-flag"] = "big" },
                    ["body"] = new JsonObject { ["total"] = "{{ nodes.total.output.total }}" },
                }),
                Node("small", "respond", new JsonObject { ["body"] = new JsonObject { ["big"] = false } }),
            ],
            [Edge("start", "total"), Edge("total", "check"), Edge("check", "big", "true"), Edge("check", "small", "false")]);
    }

    private static JsonObject Order(int qty, int price) => new() { ["qty"] = qty, ["price"] = price };

    private static async Task<string> ActivateAsync(SiloProcess silo, JsonObject document)
    {
        var id = (await Api.CreateWorkflowAsync(silo.Client, document))["id"]!.GetValue<string>();
        using var activated = await silo.Client.PostAsync($"/api/workflows/{id}/activate", null);
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Signs <paramref name="signedBody"/> (Standard Webhooks) and sends <paramref name="sentBody"/>.</summary>
    private static async Task<HttpResponseMessage> SendSignedAsync(HttpClient hooks, string id, DateTimeOffset at, string signedBody, string sentBody)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{signedBody}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/default/signed")
        {
            Content = new StringContent(sentBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(mac));
        return await hooks.SendAsync(request);
    }

    private static async Task<int> CountAsync(HttpClient client, string workflowId) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/executions?workflowId={workflowId}&limit=100"))!["items"]!.AsArray().Count;

    private static async Task WaitForCountAsync(HttpClient client, string workflowId, int count)
    {
        for (var i = 0; i < 100 && await CountAsync(client, workflowId) < count; i++)
        {
            await Task.Delay(100);
        }
    }
}
