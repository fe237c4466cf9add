using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.EndToEnd.Tests;

/// <summary>Small helpers over the HTTP API for end-to-end tests.</summary>
public static class Api
{
    public static async Task<JsonObject> CreateWorkflowAsync(HttpClient client, JsonObject document)
    {
        using var response = await client.PostAsJsonAsync("/api/workflows", document);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string> StartAsync(HttpClient client, string workflowId, JsonNode? input)
    {
        using var response = await client.PostAsJsonAsync($"/api/workflows/{workflowId}/executions", new JsonObject { ["input"] = input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["executionId"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetExecutionAsync(HttpClient client, string executionId)
    {
        var body = await client.GetStringAsync($"/api/executions/{executionId}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls the execution until <paramref name="done"/> holds or the timeout passes.</summary>
    public static async Task<JsonObject> PollAsync(HttpClient client, string executionId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject last;
        do
        {
            last = await GetExecutionAsync(client, executionId);
            if (done(last))
            {
                return last;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Execution did not reach the expected state: {last.ToJsonString()}");
    }

    public static JsonObject Node(JsonObject execution, string nodeId) =>
        execution["nodes"]!.AsArray().Single(n => n!["nodeId"]!.GetValue<string>() == nodeId)!.AsObject();

    public static string Status(JsonObject execution) => execution["status"]!.GetValue<string>();
}
