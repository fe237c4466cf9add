using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

/// <summary>Another tenant's ids answer 404 through every route shape, and nothing changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class CrossTenantTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task OtherTenantsWorkflowsAndExecutions_Answer404_AndStayUnchanged()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var workflow = await a.Owner.CreateWorkflowAsync(TestWorkflows.Simple());
        var workflowId = workflow.Str("id");
        var (_, completed) = await a.Owner.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflowId}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 2 } });
        var delayed = await a.Owner.CreateWorkflowAsync(TestWorkflows.WithDelay(300));
        var (_, started) = await a.Owner.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{delayed.Str("id")}/executions", new JsonObject());
        var waitingId = started.Str("executionId");
        await WaitForStatusAsync(a.Owner, waitingId, "waiting");
        // History writes are batched: only once A lists both runs does B's empty list mean something.
        await WaitForListedAsync(a.Owner, "/api/executions", 2);

        var attempts = new (HttpMethod Method, string Url, JsonNode? Body, string? IfMatch)[]
        {
            (HttpMethod.Get, $"/api/workflows/{workflowId}", null, null),
            (HttpMethod.Put, $"/api/workflows/{workflowId}", TestWorkflows.Simple(workflow.Str("name")), "1"),
            (HttpMethod.Delete, $"/api/workflows/{workflowId}", null, null),
            (HttpMethod.Post, $"/api/workflows/{workflowId}/activate", null, null),
            (HttpMethod.Post, $"/api/workflows/{workflowId}/pause", null, null),
            (HttpMethod.Post, $"/api/workflows/{workflowId}/archive", null, null),
            (HttpMethod.Get, $"/api/workflows/{workflowId}/versions", null, null),
            (HttpMethod.Get, $"/api/workflows/{workflowId}/versions/1", null, null),
            (HttpMethod.Post, $"/api/workflows/{workflowId}/executions", new JsonObject(), null),
            (HttpMethod.Get, $"/api/executions/{completed.Str("id")}", null, null),
            (HttpMethod.Post, $"/api/executions/{completed.Str("id")}/retry", null, null),
            (HttpMethod.Get, $"/api/executions/{waitingId}", null, null),
            (HttpMethod.Post, $"/api/executions/{waitingId}/cancel", null, null),
            (HttpMethod.Post, $"/api/executions/{waitingId}/retry", null, null),
            (HttpMethod.Post, $"/api/executions/{waitingId}/pause", null, null),
            (HttpMethod.Post, $"/api/executions/{waitingId}/resume", null, null),
            (HttpMethod.Post, $"/api/executions/{waitingId}/signals/pause", new JsonObject(), null),
        };
        foreach (var (method, url, body, ifMatch) in attempts)
        {
            var (response, problem) = await b.Owner.SendJsonAsync(method, url, body?.DeepClone(), ifMatch);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.Equal("not_found", problem.Str("code"));
        }

        var (_, bWorkflows) = await b.Owner.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (_, bExecutions) = await b.Owner.SendJsonAsync(HttpMethod.Get, "/api/executions");
        var (_, bFiltered) = await b.Owner.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={workflowId}");
        Assert.Empty(bWorkflows!["items"]!.AsArray());
        Assert.Empty(bExecutions!["items"]!.AsArray());
        Assert.Empty(bFiltered!["items"]!.AsArray());

        var (_, stored) = await a.Owner.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{workflowId}");
        var (_, versions) = await a.Owner.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{workflowId}/versions");
        var (_, waiting) = await a.Owner.SendJsonAsync(HttpMethod.Get, $"/api/executions/{waitingId}");
        Assert.Equal((1, "draft"), (stored!["version"]!.GetValue<int>(), stored.Str("status")));
        Assert.Single(versions!["items"]!.AsArray());
        Assert.Equal("waiting", waiting.Str("status"));
        await a.Owner.SendJsonAsync(HttpMethod.Post, $"/api/executions/{waitingId}/cancel");
    }

    [Fact]
    public async Task OtherTenantsUsers_AreInvisibleAndUntouchable()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var aUser = await a.AddUserAsync("editor");
        var aKey = (await aUser.Client.SendJsonAsync(HttpMethod.Post, $"/api/users/{aUser.Username}/api-keys", new JsonObject { ["name"] = "k" })).Body;

        var (_, bUsers) = await b.Owner.SendJsonAsync(HttpMethod.Get, "/api/users");
        var (delete, _) = await b.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{aUser.Username}");
        var (keys, _) = await b.Owner.SendJsonAsync(HttpMethod.Get, $"/api/users/{aUser.Username}/api-keys");
        var (mint, _) = await b.Owner.SendJsonAsync(HttpMethod.Post, $"/api/users/{aUser.Username}/api-keys", new JsonObject { ["name"] = "stolen" });
        var (revoke, _) = await b.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{aUser.Username}/api-keys/{aKey.Str("id")}");
        var (signInAsA, _) = await AuthAssert.SignInAsync(factory.CreateAnonymousClient(), b.Name, aUser.Username, aUser.Password);

        Assert.Equal(["owner"], bUsers!["items"]!.AsArray().Select(u => u.Str("username")));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { delete.StatusCode, keys.StatusCode, mint.StatusCode, revoke.StatusCode });
        Assert.Equal(HttpStatusCode.Unauthorized, signInAsA.StatusCode);
        var (still, _) = await aUser.Client.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (keyStill, _) = await factory.CreateApiKeyClient(aKey.Str("key")).SendJsonAsync(HttpMethod.Get, "/api/workflows");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (still.StatusCode, keyStill.StatusCode));
    }

    [Fact]
    public async Task TenantClaim_IsTheOnlySource_QueryAndHeaderAreIgnored()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var workflow = await a.Owner.CreateWorkflowAsync(TestWorkflows.Simple());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/workflows/{workflow.Str("id")}?tenant={a.Name}");
        request.Headers.Add("X-Tenant", a.Name);
        using var response = await b.Owner.SendAsync(request);
        var (_, list) = await b.Owner.SendJsonAsync(HttpMethod.Get, $"/api/workflows?tenant={a.Name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(list!["items"]!.AsArray());
    }

    private static async Task WaitForListedAsync(HttpClient client, string url, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, page) = await client.SendJsonAsync(HttpMethod.Get, url);
            if (page?["items"]?.AsArray().Count == count)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{url} did not list {count} items");
    }

    private static async Task WaitForStatusAsync(HttpClient client, string executionId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, execution) = await client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{executionId}");
            if (execution?["status"]?.GetValue<string>() == status)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{executionId} did not become {status}");
    }
}
