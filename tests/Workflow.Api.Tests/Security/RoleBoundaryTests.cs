using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

/// <summary>Each role can do its part and is refused the next one with 403 naming the role needed.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoleBoundaryTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task Viewer_CanRead_ButCannotCreateStartCancelOrRetry()
    {
        var tenant = await factory.CreateTenantAsync();
        var workflow = await tenant.Owner.CreateWorkflowAsync(TestWorkflows.Simple());
        var (_, run) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 1 } });
        var viewer = (await tenant.AddUserAsync("viewer")).Client;

        var (list, _) = await viewer.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        var (get, _) = await viewer.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{workflow.Str("id")}");
        var (execution, _) = await viewer.SendJsonAsync(HttpMethod.Get, $"/api/executions/{run.Str("id")}");
        var (nodes, _) = await viewer.SendJsonAsync(HttpMethod.Get, "/api/nodes");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { list.StatusCode, get.StatusCode, execution.StatusCode, nodes.StatusCode });

        var (create, createBody) = await viewer.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());
        AuthAssert.Forbidden(create, createBody, "editor");
        var (start, startBody) = await viewer.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions", new JsonObject());
        AuthAssert.Forbidden(start, startBody, "operator");
        var (retry, retryBody) = await viewer.SendJsonAsync(HttpMethod.Post, $"/api/executions/{run.Str("id")}/retry");
        AuthAssert.Forbidden(retry, retryBody, "operator");
        var (cancel, cancelBody) = await viewer.SendJsonAsync(HttpMethod.Post, $"/api/executions/{run.Str("id")}/cancel");
        AuthAssert.Forbidden(cancel, cancelBody, "operator");
        var (_, after) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/workflows");
        Assert.Single(after!["items"]!.AsArray());
    }

    [Fact]
    public async Task Editor_CanEditWorkflows_ButCannotStartNorManageUsers()
    {
        var tenant = await factory.CreateTenantAsync();
        var editor = (await tenant.AddUserAsync("editor")).Client;

        var workflow = await editor.CreateWorkflowAsync(TestWorkflows.Simple());
        var (activate, _) = await editor.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/activate");
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);

        var (start, startBody) = await editor.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions", new JsonObject());
        AuthAssert.Forbidden(start, startBody, "operator");
        var (users, usersBody) = await editor.SendJsonAsync(HttpMethod.Get, "/api/users");
        AuthAssert.Forbidden(users, usersBody, "admin");
        var (add, addBody) = await editor.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = "sneaky", ["password"] = "sneaky-password", ["roles"] = new JsonArray("owner") });
        AuthAssert.Forbidden(add, addBody, "admin");
        var (_, list) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, "/api/users");
        Assert.DoesNotContain(list!["items"]!.AsArray(), u => u.Str("username") == "sneaky");
    }

    [Fact]
    public async Task Operator_CanStart_ButCannotEditWorkflows()
    {
        var tenant = await factory.CreateTenantAsync();
        var workflow = await tenant.Owner.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = workflow.Str("id");
        var @operator = (await tenant.AddUserAsync("operator")).Client;

        var (start, run) = await @operator.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions?wait=true",
            new JsonObject { ["input"] = new JsonObject { ["n"] = 4 } });
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(8, run!["result"]!.GetValue<int>());

        var (create, createBody) = await @operator.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());
        AuthAssert.Forbidden(create, createBody, "editor");
        var (put, putBody) = await @operator.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", TestWorkflows.Simple(workflow.Str("name")), ifMatch: "1");
        AuthAssert.Forbidden(put, putBody, "editor");
        var (delete, deleteBody) = await @operator.SendJsonAsync(HttpMethod.Delete, $"/api/workflows/{id}");
        AuthAssert.Forbidden(delete, deleteBody, "editor");
        var (archive, archiveBody) = await @operator.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/archive");
        AuthAssert.Forbidden(archive, archiveBody, "editor");
        var (validate, validateBody) = await @operator.SendJsonAsync(HttpMethod.Post, "/api/workflows/validate", TestWorkflows.Simple());
        AuthAssert.Forbidden(validate, validateBody, "editor");
        var (_, stored) = await tenant.Owner.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}");
        Assert.Equal((1, "draft"), (stored!["version"]!.GetValue<int>(), stored.Str("status")));
    }

    [Fact]
    public async Task Admin_ManagesUsers_ButCannotEditWorkflowsNorGrantOwner()
    {
        var tenant = await factory.CreateTenantAsync();
        var admin = (await tenant.AddUserAsync("admin")).Client;

        var (add, added) = await admin.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = "new.user@example.com", ["password"] = "new-user-password", ["roles"] = new JsonArray("viewer", "operator") });
        var (list, users) = await admin.SendJsonAsync(HttpMethod.Get, "/api/users");
        var (owner, ownerBody) = await admin.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = "wannabe", ["password"] = "wannabe-password", ["roles"] = new JsonArray("owner") });
        var (create, createBody) = await admin.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());
        var (delete, _) = await admin.SendJsonAsync(HttpMethod.Delete, "/api/users/new.user@example.com");

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal(["viewer", "operator"], added!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(users!["items"]!.AsArray(), u => u.Str("username") == "new.user@example.com");
        Assert.All(users["items"]!.AsArray(), u => Assert.Null(u!["passwordHash"]));
        Assert.Equal((HttpStatusCode.Forbidden, "owner_required"), (owner.StatusCode, ownerBody.Str("code")));
        AuthAssert.Forbidden(create, createBody, "editor");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Owner_CanGrantOwner()
    {
        var tenant = await factory.CreateTenantAsync();

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/users",
            new JsonObject { ["username"] = "second-owner", ["password"] = "second-owner-password", ["roles"] = new JsonArray("owner") });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["owner"], body!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateTenant_ByTenantOwnerWithoutSysadmin_Returns403()
    {
        var tenant = await factory.CreateTenantAsync();
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];

        var (response, body) = await tenant.Owner.SendJsonAsync(HttpMethod.Post, "/api/admin/tenants",
            new JsonObject { ["name"] = name, ["adminUsername"] = "boss", ["adminPassword"] = "boss-password" });
        var (signIn, _) = await AuthAssert.SignInAsync(factory.CreateAnonymousClient(), name, "boss", "boss-password");

        AuthAssert.Forbidden(response, body, "sysadmin");
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
