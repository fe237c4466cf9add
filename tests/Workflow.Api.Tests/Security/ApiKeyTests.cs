using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task Create_ShowsKeyOnce_ListShowsNoSecret()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("operator");

        var (created, key) = await user.Client.SendJsonAsync(HttpMethod.Post, $"/api/users/{user.Username}/api-keys", new JsonObject { ["name"] = "ci" });
        var (listed, list) = await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/users/{user.Username}/api-keys");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^wfk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key.Str("key"));
        Assert.StartsWith($"wfk_{key.Str("id")}_", key.Str("key"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var item = Assert.Single(list!["items"]!.AsArray())!.AsObject();
        Assert.Equal((key.Str("id"), "ci"), (item.Str("id"), item.Str("name")));
        Assert.False(item.ContainsKey("key"));
        Assert.DoesNotContain(key.Str("key")[^43..], list.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_AuthenticatesAsItsUser_WithTheUsersRoles()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");
        var key = await CreateKeyAsync(user.Client, user.Username);
        var machine = factory.CreateApiKeyClient(key);

        var (me, body) = await machine.SendJsonAsync(HttpMethod.Get, "/api/auth/me");
        var (list, _) = await machine.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (create, createBody) = await machine.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());
        var (_, keys) = await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/users/{user.Username}/api-keys");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal((tenant.Name, user.Username), (body.Str("tenant"), body.Str("username")));
        Assert.Equal(["viewer"], body!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        AuthAssert.Forbidden(create, createBody, "editor");
        Assert.NotNull(keys!["items"]![0]!["lastUsedAt"]);
    }

    [Fact]
    public async Task ApiKey_Deleted_Returns401AtOnce()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("editor");
        var (_, created) = await user.Client.SendJsonAsync(HttpMethod.Post, $"/api/users/{user.Username}/api-keys", new JsonObject { ["name"] = "ci" });
        var machine = factory.CreateApiKeyClient(created.Str("key"));
        var (before, _) = await machine.SendJsonAsync(HttpMethod.Get, "/api/workflows");

        var (deleted, _) = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/api/users/{user.Username}/api-keys/{created.Str("id")}");
        var (after, body) = await machine.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (again, _) = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/api/users/{user.Username}/api-keys/{created.Str("id")}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        AuthAssert.Unauthenticated(after, body);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ApiKey_OfDeletedUser_Returns401()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");
        var machine = factory.CreateApiKeyClient(await CreateKeyAsync(user.Client, user.Username));

        await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{user.Username}");
        var (response, body) = await machine.SendJsonAsync(HttpMethod.Get, "/api/workflows");

        AuthAssert.Unauthenticated(response, body);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("malformed")]
    [InlineData("empty")]
    public async Task ApiKey_NotMatching_Returns401(string kind)
    {
        var tenant = await factory.CreateTenantAsync();
        var key = await CreateKeyAsync(tenant.Owner, "owner");
        var presented = kind switch
        {
            "wrong-secret" => key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
            "malformed" => key + "x",
            _ => "",
        };

        var (response, body) = await factory.CreateApiKeyClient(presented).SendJsonAsync(HttpMethod.Get, "/api/workflows");

        AuthAssert.Unauthenticated(response, body);
        if (presented.Length > 0)
        {
            Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task OtherUsersKeys_ViewerForbidden_AdminManages_AdminCannotMintOwnerKey()
    {
        var tenant = await factory.CreateTenantAsync();
        var viewer = await tenant.AddUserAsync("viewer");
        var other = await tenant.AddUserAsync("editor");
        var admin = await tenant.AddUserAsync("admin");
        var otherKey = await CreateKeyAsync(other.Client, other.Username);

        var (peek, peekBody) = await viewer.Client.SendJsonAsync(HttpMethod.Get, $"/api/users/{other.Username}/api-keys");
        var (mint, _) = await viewer.Client.SendJsonAsync(HttpMethod.Post, $"/api/users/{other.Username}/api-keys", new JsonObject { ["name"] = "x" });
        var (list, listBody) = await admin.Client.SendJsonAsync(HttpMethod.Get, $"/api/users/{other.Username}/api-keys");
        var (ownerKey, ownerKeyBody) = await admin.Client.SendJsonAsync(HttpMethod.Post, "/api/users/owner/api-keys", new JsonObject { ["name"] = "x" });
        var (revoke, _) = await admin.Client.SendJsonAsync(HttpMethod.Delete, $"/api/users/{other.Username}/api-keys/{listBody!["items"]![0].Str("id")}");
        var (afterRevoke, _) = await factory.CreateApiKeyClient(otherKey).SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (_, ownerKeys) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/users/owner/api-keys");

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (peek.StatusCode, peekBody.Str("code")));
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "owner_required"), (ownerKey.StatusCode, ownerKeyBody.Str("code")));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Empty(ownerKeys!["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_WithoutName_Returns400()
    {
        var tenant = await factory.CreateTenantAsync();

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/users/owner/api-keys", new JsonObject { ["name"] = " " });

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_name"), (response.StatusCode, body.Str("code")));
    }

    private static async Task<string> CreateKeyAsync(HttpClient client, string username)
    {
        var (response, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/users/{username}/api-keys", new JsonObject { ["name"] = "test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.Str("key");
    }
}
