using System.Text.Json.Nodes;
using Workflow.Core.Security;
using Workflow.Grains.Abstractions.Credentials;

namespace Workflow.Grains.Tests.Credentials;

/// <summary>Credential grains in a real silo on SQLite: metadata only out, ciphertext only at rest.</summary>
public sealed class CredentialGrainTests(CredentialCluster cluster) : IClassFixture<CredentialCluster>
{
    [Fact]
    public async Task Create_Basic_ReturnsMetadataAndRevealsTheData()
    {
        var id = Guid.NewGuid();
        var tenant = Tenant();

        var result = await cluster.Credential(tenant, id).CreateAsync(new CredentialInput
        {
            Name = " smtp relay ", Type = "basic", DataJson = """{"username":"ada","password":"hunter2"}""",
        });

        Assert.True(result.Ok);
        Assert.Equal(id, result.Credential!.Id);
        Assert.Equal(("smtp relay", "basic"), (result.Credential.Name, result.Credential.Type));
        Assert.Equal(result.Credential, await cluster.Credential(tenant, id).GetAsync());
        var secret = await cluster.Secret(tenant, id).RevealAsync();
        Assert.True(secret.Ok);
        Assert.Equal("basic", secret.Type);
        Assert.Equal("hunter2", JsonNode.Parse(secret.DataJson!)!["password"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", secret.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Secret_NeverStoredInPlaintext()
    {
        var tenant = Tenant();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var token = "tok-" + Guid.NewGuid().ToString("N");
        // Unique: a short literal such as "svc" turns up by chance inside other rows' random base64.
        var username = "svc-" + Guid.NewGuid().ToString("N");

        var basic = await cluster.CreateAsync(tenant, "db", "basic", $$"""{"username":"{{username}}","password":"{{password}}"}""");
        var bearer = await cluster.CreateAsync(tenant, "api", "bearer", $$"""{"token":"{{token}}"}""");
        await cluster.Credential(tenant, bearer).UpdateAsync(new CredentialInput { Name = "api", Type = "bearer", DataJson = $$"""{"token":"{{token}}x"}""" });

        var rows = await cluster.AllStateAsync();
        Assert.DoesNotContain(rows, row => row.Contains(password, StringComparison.Ordinal) || row.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(username, StringComparison.Ordinal));
        var raw = cluster.RawFileText();
        Assert.DoesNotContain(password, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(token, raw, StringComparison.Ordinal);
        var state = (await cluster.StateOfAsync(tenant, basic))!;
        Assert.StartsWith("v1.", state["envelope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("db", state["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_NameTakenInTenantIgnoringCase_IsNameConflict()
    {
        var tenant = Tenant();
        await cluster.CreateAsync(tenant, "Stripe", "bearer", """{"token":"t"}""");

        var clash = await cluster.Credential(tenant, Guid.NewGuid()).CreateAsync(new CredentialInput { Name = "stripe", Type = "bearer", DataJson = """{"token":"u"}""" });
        var otherTenant = await cluster.Credential(Tenant(), Guid.NewGuid()).CreateAsync(new CredentialInput { Name = "Stripe", Type = "bearer", DataJson = """{"token":"u"}""" });

        Assert.Equal("name_conflict", clash.ErrorCode);
        Assert.True(otherTenant.Ok);
        Assert.Single(await cluster.Index(tenant).ListAsync());
    }

    [Theory]
    [InlineData("nope", """{"token":"t"}""")]
    [InlineData("bearer", """{"tokn":"t"}""")]
    [InlineData("bearer", """not json""")]
    [InlineData("smtp", """{"host":"h","port":0}""")]
    public async Task Create_InvalidTypeOrData_IsInvalidCredentialAndStoresNothing(string type, string data)
    {
        var tenant = Tenant();
        var id = Guid.NewGuid();

        var result = await cluster.Credential(tenant, id).CreateAsync(new CredentialInput { Name = "x", Type = type, DataJson = data });

        Assert.Equal("invalid_credential", result.ErrorCode);
        Assert.Null(await cluster.Credential(tenant, id).GetAsync());
        Assert.Empty(await cluster.Index(tenant).ListAsync());
        Assert.Null(await cluster.StateOfAsync(tenant, id));
    }

    [Fact]
    public async Task Create_Twice_IsAlreadyExists()
    {
        var tenant = Tenant();
        var id = await cluster.CreateAsync(tenant, "a", "bearer", """{"token":"t"}""");

        var again = await cluster.Credential(tenant, id).CreateAsync(new CredentialInput { Name = "b", Type = "bearer", DataJson = """{"token":"t"}""" });

        Assert.Equal("already_exists", again.ErrorCode);
    }

    [Fact]
    public async Task Get_SameIdUnderAnotherTenant_IsNotFound()
    {
        var id = await cluster.CreateAsync(Tenant(), "a", "bearer", """{"token":"t"}""");

        var intruder = Tenant();

        Assert.Null(await cluster.Credential(intruder, id).GetAsync());
        Assert.Equal("not_found", (await cluster.Secret(intruder, id).RevealAsync()).ErrorCode);
        Assert.False(await cluster.Credential(intruder, id).DeleteAsync());
    }

    [Fact]
    public async Task Delete_RemovesRowIndexEntryAndName()
    {
        var tenant = Tenant();
        var id = await cluster.CreateAsync(tenant, "gone", "bearer", """{"token":"t"}""");

        Assert.True(await cluster.Credential(tenant, id).DeleteAsync());

        Assert.Null(await cluster.Credential(tenant, id).GetAsync());
        Assert.Null(await cluster.StateOfAsync(tenant, id));
        Assert.Empty(await cluster.Index(tenant).ListAsync());
        Assert.Equal("not_found", (await cluster.Secret(tenant, id).RevealAsync()).ErrorCode);
        Assert.False(await cluster.Credential(tenant, id).DeleteAsync());
        await cluster.CreateAsync(tenant, "gone", "bearer", """{"token":"t"}""");
    }

    [Fact]
    public async Task Index_List_MetadataOrderedByName()
    {
        var tenant = Tenant();
        await cluster.CreateAsync(tenant, "beta", "bearer", """{"token":"t"}""");
        await cluster.CreateAsync(tenant, "Alpha", "apiKey", """{"value":"v"}""");

        var list = await cluster.Index(tenant).ListAsync();

        Assert.Equal(["Alpha", "beta"], list.Select(c => c.Name));
        Assert.Equal(["apiKey", "bearer"], list.Select(c => c.Type));
    }

    [Fact]
    public async Task Update_NewData_IsRevealedAndUpdatedAtMoves()
    {
        var tenant = Tenant();
        var id = await cluster.CreateAsync(tenant, "u", "bearer", """{"token":"one"}""");
        var before = (await cluster.Credential(tenant, id).GetAsync())!;

        var result = await cluster.Credential(tenant, id).UpdateAsync(new CredentialInput { Name = "u2", Type = "bearer", DataJson = """{"token":"two"}""" });

        Assert.True(result.Ok);
        Assert.Equal(before.CreatedAt, result.Credential!.CreatedAt);
        Assert.True(result.Credential.UpdatedAt >= before.UpdatedAt);
        Assert.Equal("u2", Assert.Single(await cluster.Index(tenant).ListAsync()).Name);
        Assert.Contains("two", (await cluster.Secret(tenant, id).RevealAsync()).DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateKey_OldCredentialsStayReadableAndMoveToTheNewKeyWhenRead()
    {
        var tenant = Tenant();
        var old = await cluster.CreateAsync(tenant, "old", "bearer", """{"token":"old-token"}""");
        var oldKeyId = KeyIdOf((await cluster.StateOfAsync(tenant, old))!);

        var admin = (ICredentialKeyAdmin)cluster.Cluster.GetSiloServiceProvider().GetService(typeof(ICredentialKeyAdmin))!;
        var rotation = await admin.RotateKeyAsync();
        var fresh = await cluster.CreateAsync(tenant, "new", "bearer", """{"token":"new-token"}""");

        Assert.True(rotation.Ok);
        Assert.Equal(rotation.KeyId, KeyIdOf((await cluster.StateOfAsync(tenant, fresh))!));
        Assert.Equal(oldKeyId, KeyIdOf((await cluster.StateOfAsync(tenant, old))!));
        Assert.Contains("old-token", (await cluster.Secret(tenant, old).RevealAsync()).DataJson, StringComparison.Ordinal);
        Assert.Contains("new-token", (await cluster.Secret(tenant, fresh).RevealAsync()).DataJson, StringComparison.Ordinal);
        Assert.Equal(rotation.KeyId, KeyIdOf((await cluster.StateOfAsync(tenant, old))!));
        Assert.Contains("old-token", (await cluster.Secret(tenant, old).RevealAsync()).DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_WithRotationAndFailures_NeverLogsTheSecret()
    {
        var tenant = Tenant();
        var secret = "log-secret-" + Guid.NewGuid().ToString("N");
        var id = await cluster.CreateAsync(tenant, "logged", "oauth2ClientCredentials",
            $$"""{"tokenUrl":"https://id.example.com/token","clientId":"c","clientSecret":"{{secret}}"}""");
        await cluster.Credential(tenant, Guid.NewGuid()).CreateAsync(new CredentialInput { Name = "logged", Type = "bearer", DataJson = $$"""{"token":"{{secret}}"}""" });
        await cluster.Credential(tenant, Guid.NewGuid()).CreateAsync(new CredentialInput { Name = "bad", Type = "bearer", DataJson = $$"""{"token":"{{secret}}","x":"{{secret}}"}""" });
        var admin = (ICredentialKeyAdmin)cluster.Cluster.GetSiloServiceProvider().GetService(typeof(ICredentialKeyAdmin))!;
        await admin.RotateKeyAsync();

        Assert.True((await cluster.Secret(tenant, id).RevealAsync()).Ok);

        Assert.Contains(CapturingLoggerProvider.Lines, line => line.Contains("Re-encrypted credential", StringComparison.Ordinal));
        Assert.DoesNotContain(CapturingLoggerProvider.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    private static string Tenant() => "t" + Guid.NewGuid().ToString("N")[..8];

    private static string KeyIdOf(JsonObject state)
    {
        Assert.True(CredentialCipher.TryReadKeyId(state["envelope"]!.GetValue<string>(), out var keyId));
        return keyId;
    }
}
