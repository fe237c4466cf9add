using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class UserManagementTests(WorkflowApiFactory factory)
{
    [Theory]
    [InlineData("Upper.Case", "long-enough-password", "viewer", "invalid_username")]
    [InlineData("has space", "long-enough-password", "viewer", "invalid_username")]
    [InlineData("a/b", "long-enough-password", "viewer", "invalid_username")]
    [InlineData("fine", "short", "viewer", "invalid_password")]
    [InlineData("fine", "long-enough-password", "", "invalid_roles")]
    [InlineData("fine", "long-enough-password", "superuser", "invalid_roles")]
    public async Task CreateUser_InvalidInput_Returns400WithCode(string username, string password, string role, string code)
    {
        var tenant = await factory.CreateTenantAsync();
        var roles = role.Length == 0 ? new JsonArray() : new JsonArray(role);

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = username, ["password"] = password, ["roles"] = roles });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.Str("code"));
        var (_, list) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/users");
        Assert.Single(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task CreateUser_TakenName_Returns409()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = user.Username, ["password"] = "another-password", ["roles"] = new JsonArray("owner") });
        var (signIn, _) = await AuthAssert.SignInAsync(factory.CreateAnonymousClient(), tenant.Name, user.Username, "another-password");

        Assert.Equal((HttpStatusCode.Conflict, "user_exists"), (response.StatusCode, body.Str("code")));
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task DeleteUser_Yourself_Returns409()
    {
        var tenant = await factory.CreateTenantAsync();

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Delete, "/api/users/owner");

        Assert.Equal((HttpStatusCode.Conflict, "cannot_delete_self"), (response.StatusCode, body.Str("code")));
    }

    [Fact]
    public async Task DeleteUser_OwnerByAdmin_Returns403AndKeepsOwner()
    {
        var tenant = await factory.CreateTenantAsync();
        var admin = await tenant.AddUserAsync("admin");

        var (response, body) = await admin.Client.SendJsonAsync(HttpMethod.Delete, "/api/users/owner");
        var (me, _) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/auth/me");

        Assert.Equal((HttpStatusCode.Forbidden, "owner_required"), (response.StatusCode, body.Str("code")));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task DeleteUser_Unknown_Returns404()
    {
        var tenant = await factory.CreateTenantAsync();

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Delete, "/api/users/ghost");

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (response.StatusCode, body.Str("code")));
    }

    [Fact]
    public async Task DeleteUser_TheirTokenAndPasswordStopWorkingAtOnce()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("editor");
        var (before, _) = await user.Client.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var (deleted, _) = await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{user.Username}");
        var (after, afterBody) = await user.Client.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (signIn, _) = await AuthAssert.SignInAsync(factory.CreateAnonymousClient(), tenant.Name, user.Username, user.Password);
        var (_, list) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/users");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        AuthAssert.Unauthenticated(after, afterBody);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.DoesNotContain(list!["items"]!.AsArray(), u => u.Str("username") == user.Username);
    }

    [Fact]
    public async Task DeleteUser_RecreatedUnderSameName_OldTokenStaysInvalid()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");
        var anonymous = factory.CreateAnonymousClient();
        var oldToken = await AuthAssert.TokenAsync(anonymous, tenant.Name, user.Username, user.Password);
        await tenant.Owner.SendJsonAsync(HttpMethod.Delete, $"/api/users/{user.Username}");

        var (recreated, _) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = user.Username, ["password"] = "new-password-123", ["roles"] = new JsonArray("viewer") });
        var (response, body) = await AuthAssert.SendWithTokenAsync(anonymous, HttpMethod.Get, "/api/workflows", oldToken);

        Assert.Equal(HttpStatusCode.Created, recreated.StatusCode);
        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task RemoveUser_LastOwner_IsRefusedByTheTenant()
    {
        var tenant = await factory.CreateTenantAsync();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        var result = await grains.GetGrain<ITenantGrain>(tenant.Name).RemoveUserAsync("owner");
        var (me, _) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/auth/me");

        Assert.Equal("last_owner", result.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_BySysadmin_FirstUserIsOwnerAndAlone()
    {
        var tenant = await factory.CreateTenantAsync();

        var (_, me) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/auth/me");
        var (_, users) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/users");
        var (_, workflows) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/workflows");

        Assert.Equal(["owner"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(me["systemAdmin"]!.GetValue<bool>());
        Assert.Equal(["owner"], users!["items"]!.AsArray().Select(u => u.Str("username")));
        Assert.Empty(workflows!["items"]!.AsArray());
    }

    [Fact]
    public async Task CreateTenant_Existing_Returns409AndKeepsItsOwner()
    {
        var tenant = await factory.CreateTenantAsync();

        var (response, body) = await factory.CreateAdminClient().SendJsonAsync(HttpMethod.Post, "/api/admin/tenants",
            new JsonObject { ["name"] = tenant.Name, ["adminUsername"] = "owner", ["adminPassword"] = "hijacked-password" });
        var (signIn, _) = await AuthAssert.SignInAsync(factory.CreateAnonymousClient(), tenant.Name, "owner", tenant.OwnerPassword);

        Assert.Equal((HttpStatusCode.Conflict, "tenant_exists"), (response.StatusCode, body.Str("code")));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory]
    [InlineData("Upper", "boss", "boss-password", "invalid_tenant_name")]
    [InlineData("-dash-first", "boss", "boss-password", "invalid_tenant_name")]
    [InlineData("fine-name", "Boss", "boss-password", "invalid_username")]
    [InlineData("fine-name", "boss", "short", "invalid_password")]
    public async Task CreateTenant_InvalidInput_Returns400WithCode(string name, string username, string password, string code)
    {
        var (response, body) = await factory.CreateAdminClient().SendJsonAsync(HttpMethod.Post, "/api/admin/tenants",
            new JsonObject { ["name"] = name, ["adminUsername"] = username, ["adminPassword"] = password });

        Assert.Equal((HttpStatusCode.BadRequest, code), (response.StatusCode, body.Str("code")));
    }
}
