using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class TokenValidationTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _anonymous = factory.CreateAnonymousClient();

    [Theory]
    [InlineData("GET", "/api/workflows")]
    [InlineData("POST", "/api/workflows")]
    [InlineData("GET", "/api/executions")]
    [InlineData("GET", "/api/nodes")]
    [InlineData("GET", "/api/users")]
    [InlineData("POST", "/api/admin/tenants")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/api/no/such/route")]
    [InlineData("POST", "/no/such/route")]
    public async Task Request_WithoutCredentials_Returns401Problem(string method, string url)
    {
        var (response, body) = await _anonymous.SendJsonAsync(new HttpMethod(method), url, method == "POST" ? new JsonObject() : null);

        AuthAssert.Unauthenticated(response, body);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Health_WithoutCredentials_Returns200()
    {
        var (response, _) = await _anonymous.SendJsonAsync(HttpMethod.Get, "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HandMadeToken_SignedWithServerKey_IsAccepted()
    {
        // The control for the refusals below: the hand-made tokens differ from this one in one thing only.
        var token = TestTokens.Hs256(await AdminPayloadAsync(), TestTokens.ServerKey(factory));

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin", body.Str("username"));
    }

    [Fact]
    public async Task ExpiredToken_Returns401WithInvalidTokenChallenge()
    {
        var payload = await AdminPayloadAsync();
        payload["iat"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        payload["nbf"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        payload["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", TestTokens.Hs256(payload, TestTokens.ServerKey(factory)));

        AuthAssert.Unauthenticated(response, body);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("expired", body.Str("detail"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokenWithoutExpiry_Returns401()
    {
        var payload = await AdminPayloadAsync();
        payload.Remove("exp");

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", TestTokens.Hs256(payload, TestTokens.ServerKey(factory)));

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_Returns401()
    {
        var token = TestTokens.Hs256(await AdminPayloadAsync(), RandomNumberGenerator.GetBytes(64));

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", token);

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task AlgNoneToken_Returns401()
    {
        var token = TestTokens.None(await AdminPayloadAsync());

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", token);

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task Hs512Token_SignedWithServerKey_Returns401()
    {
        // A correct signature under an algorithm outside the allow-list.
        var payload = await AdminPayloadAsync();
        var unsigned = B64(new JsonObject { ["alg"] = "HS512", ["typ"] = "JWT" }) + "." + B64(payload);
        var token = unsigned + "." + Base64Url.EncodeToString(HMACSHA512.HashData(TestTokens.ServerKey(factory), Encoding.ASCII.GetBytes(unsigned)));

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", token);

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task Rs256HeaderWithHmacSignature_Returns401()
    {
        var token = TestTokens.Hs256(await AdminPayloadAsync(), TestTokens.ServerKey(factory), alg: "RS256");

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", token);

        AuthAssert.Unauthenticated(response, body);
    }

    [Theory]
    [InlineData("aud", "someone-else")]
    [InlineData("iss", "https://evil.example")]
    public async Task WrongAudienceOrIssuer_Returns401(string claim, string value)
    {
        var payload = await AdminPayloadAsync();
        payload[claim] = value;

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", TestTokens.Hs256(payload, TestTokens.ServerKey(factory)));

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task TokenWithoutTenant_Returns401()
    {
        var payload = await AdminPayloadAsync();
        payload.Remove("tenant");

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Get, "/api/workflows", TestTokens.Hs256(payload, TestTokens.ServerKey(factory)));

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task RealToken_WithPayloadChangedToOwner_Returns401()
    {
        var tenant = await factory.CreateTenantAsync();
        var viewer = await tenant.AddUserAsync("viewer");
        var token = await AuthAssert.TokenAsync(_anonymous, tenant.Name, viewer.Username, viewer.Password);
        var parts = token.Split('.');
        var payload = TestTokens.Payload(token);
        payload["role"] = "owner";
        var forged = parts[0] + "." + B64(payload) + "." + parts[2];

        var (response, body) = await AuthAssert.SendWithTokenAsync(_anonymous, HttpMethod.Post, "/api/workflows", forged, TestWorkflows.Simple());

        AuthAssert.Unauthenticated(response, body);
    }

    [Fact]
    public async Task CookieToken_AuthorizesGetButNotPost()
    {
        var token = await AuthAssert.TokenAsync(_anonymous, "default", "admin", WorkflowApiFactory.AdminPassword);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/workflows");
        get.Headers.Add("Cookie", $"wf_token={token}");
        using var getResponse = await _anonymous.SendAsync(get);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/workflows") { Content = System.Net.Http.Json.JsonContent.Create(TestWorkflows.Simple()) };
        post.Headers.Add("Cookie", $"wf_token={token}");
        using var postResponse = await _anonymous.SendAsync(post);

        Assert.Equal(HttpStatusCode.OK, getResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, postResponse.StatusCode);
    }

    [Fact]
    public async Task QueryToken_OutsideHubs_Returns401()
    {
        var token = await AuthAssert.TokenAsync(_anonymous, "default", "admin", WorkflowApiFactory.AdminPassword);

        var (response, body) = await _anonymous.SendJsonAsync(HttpMethod.Get, $"/api/workflows?access_token={token}");

        AuthAssert.Unauthenticated(response, body);
    }

    private async Task<JsonObject> AdminPayloadAsync()
    {
        var token = await AuthAssert.TokenAsync(_anonymous, "default", "admin", WorkflowApiFactory.AdminPassword);
        return TestTokens.AdminPayload(TestTokens.Payload(token).Str("uid"));
    }

    private static string B64(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
