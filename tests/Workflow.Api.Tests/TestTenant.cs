using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

/// <summary>A fresh tenant made for one test, with its owner and helpers to add users.</summary>
public sealed class TestTenant(WorkflowApiFactory factory, string name, string ownerPassword)
{
    public string Name { get; } = name;

    public string OwnerPassword { get; } = ownerPassword;

    /// <summary>A client signed in as the tenant's first owner (<c>owner</c>).</summary>
    public HttpClient Owner { get; } = factory.CreateSignedInClient(name, "owner", ownerPassword);

    /// <summary>Adds a user with <paramref name="roles"/> (through the owner) and signs them in.</summary>
    public async Task<TestUser> AddUserAsync(params string[] roles)
    {
        var username = string.Join("-", roles.DefaultIfEmpty("user")) + "-" + Guid.NewGuid().ToString("N")[..6];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        using var response = await Owner.PostAsJsonAsync("/api/users",
            new JsonObject { ["username"] = username, ["password"] = password, ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)r).ToArray()) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new TestUser(username, password, factory.CreateSignedInClient(Name, username, password));
    }
}
