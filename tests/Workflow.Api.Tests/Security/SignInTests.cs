using System.Net;

namespace Workflow.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class SignInTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _anonymous = factory.CreateAnonymousClient();

    [Fact]
    public async Task Token_BootstrapAdmin_ReturnsJwtWithClaimsAndExpiry()
    {
        var (response, body) = await AuthAssert.SignInAsync(_anonymous, "default", "admin", WorkflowApiFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = body.Str("accessToken");
        var payload = TestTokens.Payload(token);
        Assert.Equal(("admin", "default", "owner", "true"), (payload.Str("sub"), payload.Str("tenant"), payload.Str("role"), payload.Str("sysadmin")));
        Assert.Equal(("workflow", "workflow-api"), (payload.Str("iss"), payload.Str("aud")));
        var expiresAt = DateTimeOffset.Parse(body.Str("expiresAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expiresAt.ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal("HS256", TestTokens.Header(token).Str("alg"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_UserWithSeveralRoles_CarriesOneRoleClaimEach()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("editor", "operator");

        var token = await AuthAssert.TokenAsync(_anonymous, tenant.Name, user.Username, user.Password);

        var payload = TestTokens.Payload(token);
        Assert.Equal(["editor", "operator"], payload["role"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(tenant.Name, payload.Str("tenant"));
        Assert.Null(payload["sysadmin"]);
    }

    [Fact]
    public async Task Token_WrongPasswordUnknownUserUnknownTenant_AllAnswerTheSame401()
    {
        var answers = new List<(HttpStatusCode, string, string)>();
        foreach (var (tenant, username, password) in new[]
                 {
                     ("default", "admin", "wrong-password"),
                     ("default", "nobody", WorkflowApiFactory.AdminPassword),
                     ("no-such-tenant", "admin", WorkflowApiFactory.AdminPassword),
                     ("Not A Tenant!", "admin", WorkflowApiFactory.AdminPassword),
                 })
        {
            var (response, body) = await AuthAssert.SignInAsync(_anonymous, tenant, username, password);
            answers.Add((response.StatusCode, body.Str("code"), body.Str("detail")));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "invalid_credentials"), (a.Item1, a.Item2)));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Token_MissingPassword_Returns400()
    {
        var (response, body) = await _anonymous.SendJsonAsync(HttpMethod.Post, "/api/auth/token",
            new System.Text.Json.Nodes.JsonObject { ["tenant"] = "default", ["username"] = "admin" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", body.Str("code"));
    }

    [Fact]
    public void SigningKey_GeneratedIntoDataDirectory_ReadableByOwnerOnly()
    {
        var path = Path.Combine(factory.DataDirectory, "keys", "jwt-signing.key");

        Assert.True(File.Exists(path));
        Assert.True(TestTokens.ServerKey(factory).Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Me_ReturnsCallerFromToken()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");

        var (response, body) = await user.Client.SendJsonAsync(HttpMethod.Get, "/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((tenant.Name, user.Username, false), (body.Str("tenant"), body.Str("username"), body!["systemAdmin"]!.GetValue<bool>()));
    }
}
