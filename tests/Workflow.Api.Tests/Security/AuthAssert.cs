using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

/// <summary>Sign-in and request helpers, and the shapes every 401 and 403 must have.</summary>
public static class AuthAssert
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SignInAsync(HttpClient client, string tenant, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new JsonObject { ["tenant"] = tenant, ["username"] = username, ["password"] = password });
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<string> TokenAsync(HttpClient client, string tenant, string username, string password)
    {
        var (response, body) = await SignInAsync(client, tenant, username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.Str("accessToken");
    }

    /// <summary>Sends with <c>Authorization: Bearer {token}</c> (raw, unchecked).</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendWithTokenAsync(
        HttpClient client, HttpMethod method, string url, string token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static void Unauthenticated(HttpResponseMessage response, JsonNode? body)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthenticated", body.Str("code"));
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    public static void Forbidden(HttpResponseMessage response, JsonNode? body, string role)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {body?.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forbidden", body.Str("code"));
        Assert.Equal(role, body.Str("requiredRole"));
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
