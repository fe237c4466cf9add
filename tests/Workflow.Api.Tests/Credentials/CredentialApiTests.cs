using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Security;

namespace Workflow.Api.Tests.Credentials;

/// <summary><c>/api/credentials</c>: write-only values, tenant isolation, admin only.</summary>
[Collection(ApiCollection.Name)]
public sealed class CredentialApiTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task Create_AnswersMetadataWithoutData_AndNoResponseShowsTheSecret()
    {
        var owner = (await factory.CreateTenantAsync()).Owner;
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");

        var (created, body) = await owner.SendJsonAsync(HttpMethod.Post, "/api/credentials", Credential("smtp", "basic", new JsonObject { ["username"] = "mailer", ["password"] = secret }));
        var id = body.Str("id");
        var (got, one) = await owner.SendJsonAsync(HttpMethod.Get, $"/api/credentials/{id}");
        var (listed, list) = await owner.SendJsonAsync(HttpMethod.Get, "/api/credentials");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/credentials/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(["createdAt", "id", "name", "type", "updatedAt"], body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("smtp", "basic"), (body.Str("name"), body.Str("type")));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(id, Assert.Single(list!["items"]!.AsArray()).Str("id"));
        foreach (var json in new[] { body, one, list })
        {
            Assert.DoesNotContain(secret, json!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("mailer", json!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"name":"x","type":"telepathy","data":{}}""")]
    [InlineData("""{"name":"x","type":"bearer","data":{"tokn":"t"}}""")]
    [InlineData("""{"name":"x","type":"bearer","data":"t"}""")]
    [InlineData("""{"name":"x","type":"bearer"}""")]
    [InlineData("""{"name":"x","type":"bearer","data":{"token":"t"},"extra":1}""")]
    [InlineData("""[1]""")]
    public async Task Create_BadTypeOrData_Is400InvalidCredential(string json)
    {
        var owner = (await factory.CreateTenantAsync()).Owner;

        var (response, body) = await owner.PostRawAsync("/api/credentials", System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_credential", body.Str("code"));
    }

    [Fact]
    public async Task Create_NameTaken_Is409NameConflict()
    {
        var owner = (await factory.CreateTenantAsync()).Owner;
        await CreateAsync(owner, "github");

        var (response, body) = await owner.SendJsonAsync(HttpMethod.Post, "/api/credentials", Credential("GitHub", "bearer", new JsonObject { ["token"] = "t" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("name_conflict", body.Str("code"));
    }

    [Fact]
    public async Task List_WithLimit_PagesByName()
    {
        var owner = (await factory.CreateTenantAsync()).Owner;
        foreach (var name in new[] { "c", "a", "B" })
        {
            await CreateAsync(owner, name);
        }

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var (_, page) = await owner.SendJsonAsync(HttpMethod.Get, "/api/credentials?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            names.AddRange(page!["items"]!.AsArray().Select(item => item.Str("name")));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(["a", "B", "c"], names);
    }

    [Fact]
    public async Task Delete_Answers204_ThenTheCredentialIsGone()
    {
        var owner = (await factory.CreateTenantAsync()).Owner;
        var id = await CreateAsync(owner, "temp");

        var (deleted, _) = await owner.SendJsonAsync(HttpMethod.Delete, $"/api/credentials/{id}");
        var (got, body) = await owner.SendJsonAsync(HttpMethod.Get, $"/api/credentials/{id}");
        var (again, _) = await owner.SendJsonAsync(HttpMethod.Delete, $"/api/credentials/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, got.StatusCode);
        Assert.Equal("not_found", body.Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task OtherTenantsCredential_Is404ForGetAndDelete_AndSurvives()
    {
        var victim = (await factory.CreateTenantAsync()).Owner;
        var intruder = (await factory.CreateTenantAsync()).Owner;
        var id = await CreateAsync(victim, "private");

        var (got, body) = await intruder.SendJsonAsync(HttpMethod.Get, $"/api/credentials/{id}");
        var (deleted, _) = await intruder.SendJsonAsync(HttpMethod.Delete, $"/api/credentials/{id}");
        var (_, list) = await intruder.SendJsonAsync(HttpMethod.Get, "/api/credentials");
        var (still, _) = await victim.SendJsonAsync(HttpMethod.Get, $"/api/credentials/{id}");

        Assert.Equal(HttpStatusCode.NotFound, got.StatusCode);
        Assert.Equal("not_found", body.Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Empty(list!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("editor")]
    [InlineData("operator")]
    public async Task NonAdmin_Is403(string role)
    {
        var client = await factory.CreateClientWithRolesAsync(role);

        var (list, listBody) = await client.SendJsonAsync(HttpMethod.Get, "/api/credentials");
        var (create, createBody) = await client.SendJsonAsync(HttpMethod.Post, "/api/credentials", Credential("x", "bearer", new JsonObject { ["token"] = "t" }));

        AuthAssert.Forbidden(list, listBody, "admin");
        AuthAssert.Forbidden(create, createBody, "admin");
    }

    [Fact]
    public async Task RotateKey_SystemAdmin_NewKeyAndOldCredentialsStillListed()
    {
        var admin = factory.CreateAdminClient();
        var id = await CreateAsync(admin, "before-rotation-" + Guid.NewGuid().ToString("N")[..6]);

        var (rotated, body) = await admin.SendJsonAsync(HttpMethod.Post, "/api/credentials/rotate-key");
        var (got, _) = await admin.SendJsonAsync(HttpMethod.Get, $"/api/credentials/{id}");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(body.Str("previousKeyId"), body.Str("keyId"));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
    }

    [Fact]
    public async Task RotateKey_TenantAdminWithoutSystemAdmin_Is403()
    {
        var tenantAdmin = await factory.CreateClientWithRolesAsync("admin");

        var (response, _) = await tenantAdmin.SendJsonAsync(HttpMethod.Post, "/api/credentials/rotate-key");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static JsonObject Credential(string name, string type, JsonObject data) =>
        new() { ["name"] = name, ["type"] = type, ["data"] = data };

    internal static async Task<string> CreateAsync(HttpClient client, string name)
    {
        var (response, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/credentials", Credential(name, "bearer", new JsonObject { ["token"] = "t-" + name }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        return body.Str("id");
    }
}
