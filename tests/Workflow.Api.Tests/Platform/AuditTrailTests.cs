using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Platform;

/// <summary>Every change and every execution control action leaves an audit row with who, what and the outcome.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task WorkflowAndExecutionActions_AreAudited()
    {
        var tenant = await factory.CreateTenantAsync();
        var client = tenant.Owner;
        var workflow = await client.CreateWorkflowAsync(Document(Unique("audit"),
            [Trigger(), Node("approval", "wait", new JsonObject()), Node("after", "transform", new JsonObject { ["code"] = "return 1;" })],
            [Edge("start", "approval"), Edge("approval", "after")]));
        var id = workflow.Str("id");
        await client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", Document(workflow.Str("name"),
            [Trigger(), Node("approval", "wait", new JsonObject()), Node("after", "transform", new JsonObject { ["code"] = "return 2;" })],
            [Edge("start", "approval"), Edge("approval", "after")]), ifMatch: "1");
        await client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        var (_, first) = await client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions?wait=true", new JsonObject());
        await client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{first.Str("id")}/signals/approval", new JsonObject { ["ok"] = true });
        var (_, second) = await client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions?wait=true", new JsonObject());
        await client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{second.Str("id")}/cancel");
        await client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{second.Str("id")}/retry"); // refused: not failed
        await client.SendJsonAsync(HttpMethod.Delete, $"/api/workflows/{id}");

        var entries = await AuditAsync(client, "");

        AssertEntry(entries, "workflow.create", id, "success");
        AssertEntry(entries, "workflow.update", id, "success");
        AssertEntry(entries, "workflow.status", id, "success", "active");
        AssertEntry(entries, "workflow.delete", id, "success");
        AssertEntry(entries, "execution.start", first.Str("id"), "success");
        AssertEntry(entries, "execution.signal", first.Str("id"), "success", "approval");
        AssertEntry(entries, "execution.cancel", second.Str("id"), "success");
        AssertEntry(entries, "execution.retry", second.Str("id"), "failed", "invalid_state");
        Assert.All(entries, e => Assert.Equal("owner", e.Str("actor")));
    }

    [Fact]
    public async Task UserKeyTenantAndDeniedActions_AreAudited()
    {
        var tenant = await factory.CreateTenantAsync();
        var viewer = await tenant.AddUserAsync("viewer");
        var (_, key) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, $"/api/users/{viewer.Username}/api-keys", new JsonObject { ["name"] = "ci" });
        await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{viewer.Username}/api-keys/{key.Str("id")}");
        var (denied, _) = await viewer.Client.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());
        await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{viewer.Username}");
        using var anonymous = factory.CreateAnonymousClient();
        await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["tenant"] = tenant.Name, ["username"] = "owner", ["password"] = "wrong-password" });

        var entries = await AuditAsync(tenant.Owner, "");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        AssertEntry(entries, "user.create", viewer.Username, "success");
        AssertEntry(entries, "apikey.create", key.Str("id"), "success");
        AssertEntry(entries, "apikey.delete", key.Str("id"), "success");
        AssertEntry(entries, "user.delete", viewer.Username, "success");
        AssertEntry(entries, "auth.denied", "POST /api/workflows", "denied", "editor");
        AssertEntry(entries, "auth.login_failed", "owner", "denied");
        Assert.DoesNotContain(entries, e => e!.ToJsonString().Contains("wrong-password", StringComparison.Ordinal));
        using var admin = factory.CreateAdminClient();
        AssertEntry(await AuditAsync(admin, $"?action=tenant.create&targetId={tenant.Name}"), "tenant.create", tenant.Name, "success");
    }

    [Fact]
    public async Task Audit_IsTenantScopedAndAdminOnly()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        await a.Owner.CreateWorkflowAsync(TestWorkflows.Simple());
        var viewer = await b.AddUserAsync("viewer");

        var bEntries = await AuditAsync(b.Owner, "?action=workflow.");
        var (forbidden, _) = await viewer.Client.SendJsonAsync(HttpMethod.Get, "/api/audit");

        Assert.Empty(bEntries);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<JsonArray> AuditAsync(HttpClient client, string query)
    {
        var (response, body) = await client.SendJsonAsync(HttpMethod.Get, "/api/audit" + query + (query.Length == 0 ? "?" : "&") + "limit=500");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!["items"]!.AsArray();
    }

    private static void AssertEntry(JsonArray entries, string action, string targetId, string outcome, string? detailContains = null) =>
        Assert.True(entries.Any(e => e.Str("action") == action && e.Str("targetId") == targetId && e.Str("outcome") == outcome &&
                                     (detailContains is null || (e!["detail"]?.GetValue<string>() ?? "").Contains(detailContains, StringComparison.Ordinal))),
            $"no {action} {outcome} for {targetId} in {entries.ToJsonString()}");
}
