using Workflow.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workflow.Api.Tests;

/// <summary>
/// The whole silo (Orleans + API) in-process on a temp data directory and its own ports. The bootstrap admin
/// (tenant <c>default</c>, user <c>admin</c>) gets <see cref="AdminPassword"/>; clients sign in through the API.
/// </summary>
public sealed class WorkflowApiFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "api-tests-admin-password";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wf-api-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration for a dedicated factory (set before the first client is created).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Workflow:DataDirectory", DataDirectory);
        builder.UseSetting("Orleans:SiloPort", LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("WORKFLOW_ADMIN_PASSWORD", AdminPassword);
        // The minimum the server accepts: keeps the many sign-ins of the tests fast.
        builder.UseSetting("Workflow:Auth:PasswordIterations", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client without credentials (and without a cookie jar).</summary>
    public HttpClient CreateAnonymousClient() => CreateDefaultClient();

    /// <summary>A client signed in as the bootstrap admin of tenant <c>default</c> (owner, system administrator).</summary>
    public HttpClient CreateAdminClient() => CreateSignedInClient("default", "admin", AdminPassword);

    /// <summary>A client that signs in with these credentials before its first request and sends the bearer token.</summary>
    public HttpClient CreateSignedInClient(string tenant, string username, string password) =>
        CreateDefaultClient(new SignInHandler(tenant, username, password));

    /// <summary>A client that sends <paramref name="apiKey"/> as <c>X-Api-Key</c>.</summary>
    public HttpClient CreateApiKeyClient(string apiKey)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Creates a fresh tenant (through the system admin) whose first user is an owner.</summary>
    public async Task<TestTenant> CreateTenantAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..12];
        var ownerPassword = "owner-" + Guid.NewGuid().ToString("N");
        using var admin = CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/admin/tenants",
            new JsonObject { ["name"] = name, ["adminUsername"] = "owner", ["adminPassword"] = ownerPassword });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new TestTenant(this, name, ownerPassword);
    }

    /// <summary>A signed-in client of a user with exactly <paramref name="roles"/> in a fresh tenant.</summary>
    public async Task<HttpClient> CreateClientWithRolesAsync(params string[] roles) =>
        (await (await CreateTenantAsync()).AddUserAsync(roles)).Client;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
