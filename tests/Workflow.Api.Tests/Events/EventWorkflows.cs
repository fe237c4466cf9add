using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Events;

/// <summary>Event-triggered workflow documents and helpers for the event API tests.</summary>
public static class EventWorkflows
{
    /// <summary>A unique event type, so tests sharing a tenant never see each other's workflows.</summary>
    public static string UniqueType() => "test." + Guid.NewGuid().ToString("N")[..12];

    /// <summary>trigger(event) → transform returning the event's data.</summary>
    public static JsonObject Echo(string eventType, string[]? conditions = null, int? debounceMs = null)
    {
        var config = new JsonObject { ["kind"] = "event", ["eventType"] = eventType };
        if (conditions is not null)
        {
            config["conditions"] = new JsonArray(conditions.Select(c => (JsonNode?)c).ToArray());
        }
        if (debounceMs is not null)
        {
            config["debounceMs"] = debounceMs;
        }
        return Document(Unique("event"),
            [Node("start", "trigger", config), Node("echo", "transform", new JsonObject { ["code"] = "return trigger.data;" })],
            [Edge("start", "echo")]);
    }

    /// <summary>Creates and activates <paramref name="document"/>; returns its id.</summary>
    public static async Task<string> CreateActiveAsync(this HttpClient client, JsonObject document)
    {
        var id = (await client.CreateWorkflowAsync(document)).Str("id");
        var (response, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return id;
    }

    /// <summary>Posts an event; returns the response and its body.</summary>
    public static Task<(HttpResponseMessage Response, JsonNode? Body)> PostEventAsync(this HttpClient client, string type, JsonNode? data = null, string source = "tests") =>
        client.SendJsonAsync(HttpMethod.Post, "/api/events", new JsonObject { ["type"] = type, ["source"] = source, ["data"] = data });

    /// <summary>Polls an execution until <paramref name="done"/> holds (20 s at most).</summary>
    public static async Task<JsonNode> PollAsync(this HttpClient client, string executionId, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode? last;
        do
        {
            (_, last) = await client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{executionId}");
            if (last is not null && done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException(last?.ToJsonString());
    }
}
