using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.EndToEnd.Tests;

/// <summary>First start creates <c>default/admin</c>; a generated password is printed once, and never again.</summary>
public sealed class BootstrapTests : IAsyncLifetime
{
    private const string Marker = "WORKFLOW ADMIN PASSWORD: ";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wf-e2e-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstStart_WithoutPasswordVariable_PrintsGeneratedPasswordOnce_RestartPrintsNone()
    {
        var unset = new Dictionary<string, string> { ["WORKFLOW_ADMIN_PASSWORD"] = "" };
        string password;
        await using (var silo = new SiloProcess(_data, unset))
        {
            await silo.StartAsync();
            var lines = silo.Log.Split('\n').Where(l => l.Contains(Marker, StringComparison.Ordinal)).ToArray();
            password = Assert.Single(lines)[(lines[0].IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();

            await silo.SignInAsync(password);
            var me = JsonNode.Parse(await silo.Client.GetStringAsync("/api/auth/me"))!;

            Assert.True(password.Length >= 20, password);
            Assert.Equal(("default", "admin", true), (me["tenant"]!.GetValue<string>(), me["username"]!.GetValue<string>(), me["systemAdmin"]!.GetValue<bool>()));
            Assert.Equal(1, Occurrences(silo.Log, password));
            await silo.KillAsync();
        }

        await using (var silo = new SiloProcess(_data, unset))
        {
            await silo.StartAsync();
            await silo.SignInAsync(password);
            using var response = await silo.Client.GetAsync("/api/workflows");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(Marker, silo.Log, StringComparison.Ordinal);
            Assert.Equal(0, Occurrences(silo.Log, password));
        }
    }

    [Fact]
    public async Task FirstStart_WithPasswordVariable_UsesItAndPrintsNoPassword()
    {
        await using var silo = new SiloProcess(_data);
        await silo.StartAsync();

        await silo.SignInAsync(SiloProcess.DefaultAdminPassword);
        using var response = await silo.Client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Marker, silo.Log, StringComparison.Ordinal);
        Assert.Equal(0, Occurrences(silo.Log, SiloProcess.DefaultAdminPassword));
        Assert.True(File.Exists(Path.Combine(_data, "keys", "jwt-signing.key")));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
