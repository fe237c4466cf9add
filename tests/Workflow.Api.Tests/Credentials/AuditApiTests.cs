using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Security;

namespace Workflow.Api.Tests.Credentials;

/// <summary><c>GET /api/audit</c>: the caller's tenant's trail, filtered and paged, for admins.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditApiTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task CredentialChanges_AreAudited_WithActorOutcomeAndNoSecret()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await CredentialApiTests.CreateAsync(tenant.Owner, "audited");
        await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/credentials", CredentialApiTests.Credential("audited", "bearer", new JsonObject { ["token"] = "t" }));
        await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/credentials/{id}");

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/audit?action=credential");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = body!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(
            [("credential.delete", "success"), ("credential.create", "failed"), ("credential.create", "success")],
            items.Select(i => (i.Str("action"), i.Str("outcome"))));
        Assert.All(items, i => Assert.Equal("owner", i.Str("actor")));
        Assert.Equal(id, items[0].Str("targetId"));
        Assert.Equal("name_conflict", items[1].Str("detail"));
        Assert.DoesNotContain("t-audited", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OtherTenantsEntries_AreNotVisible()
    {
        var first = await factory.CreateTenantAsync();
        var second = await factory.CreateTenantAsync();
        await CredentialApiTests.CreateAsync(first.Owner, "mine");

        var (_, body) = await second.Owner.SendJsonAsync(HttpMethod.Get, "/api/audit?action=credential");

        Assert.Empty(body!["items"]!.AsArray());
    }

    [Fact]
    public async Task Audit_LimitAndCursor_PageNewestFirst()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var name in new[] { "one", "two", "three" })
        {
            await CredentialApiTests.CreateAsync(tenant.Owner, name);
        }

        var (_, first) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/audit?action=credential.create&limit=2");
        var (_, second) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, $"/api/audit?action=credential.create&limit=2&cursor={first.Str("nextCursor")}");

        Assert.Equal(2, first!["items"]!.AsArray().Count);
        Assert.Single(second!["items"]!.AsArray());
        Assert.Null(second["nextCursor"]);
        Assert.EndsWith("'one'", second["items"]![0].Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_InvalidCursor_Is400()
    {
        var owner = (await factory.CreateTenantAsync()).Owner;

        var (response, body) = await owner.SendJsonAsync(HttpMethod.Get, "/api/audit?cursor=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_cursor", body.Str("code"));
    }

    [Fact]
    public async Task Audit_Viewer_Is403()
    {
        var viewer = await factory.CreateClientWithRolesAsync("viewer");

        var (response, body) = await viewer.SendJsonAsync(HttpMethod.Get, "/api/audit");

        AuthAssert.Forbidden(response, body, "admin");
    }
}
