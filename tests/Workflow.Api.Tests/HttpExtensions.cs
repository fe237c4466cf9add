using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

/// <summary>Small HTTP helpers for API tests.</summary>
public static class HttpExtensions
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostRawAsync(this HttpClient client, string url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? parsed = null;
        try
        {
            parsed = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return (response, parsed);
    }

    public static async Task<JsonObject> CreateWorkflowAsync(this HttpClient client, JsonObject document)
    {
        var response = await client.PostAsJsonAsync("/api/workflows", document);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}
