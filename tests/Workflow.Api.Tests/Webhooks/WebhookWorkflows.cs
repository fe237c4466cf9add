using System.Net;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Webhooks;

/// <summary>Webhook-triggered documents and the create-and-activate step.</summary>
public static class WebhookWorkflows
{
    public static string UniquePath() => "t/" + Guid.NewGuid().ToString("N")[..12];

    public static JsonObject Hook(string path, string mode = "onReceived", string method = "POST", JsonObject? auth = null)
    {
        var config = new JsonObject { ["kind"] = "webhook", ["path"] = path, ["method"] = method, ["responseMode"] = mode };
        if (auth is not null)
        {
            config["auth"] = auth;
        }
        return Node("start", "trigger", config);
    }

    /// <summary>webhook → transform (total) → if total &gt; 100 → respond big | respond small.</summary>
    public static JsonObject Pipeline(string path, string mode) => Document(Unique("hook"),
        [
            Hook(path, mode),
            Node("total", "transform", new JsonObject { ["code"] = "return { total: trigger.body.qty * trigger.body.price };" }),
            Node("check", "if", new JsonObject { ["condition"] = "{{ nodes.total.output.total > 100 }}" }),
            Node("big", "respond", new JsonObject
            {
                ["status"] = 201,
                ["headers"] = new JsonObject { ["x-flag"] = "big" },
                ["body"] = new JsonObject { ["total"] = "{{ nodes.total.output.total }}", ["big"] = true },
            }),
            Node("small", "respond", new JsonObject { ["body"] = new JsonObject { ["big"] = false } }),
        ],
        [Edge("start", "total"), Edge("total", "check"), Edge("check", "big", "true"), Edge("check", "small", "false")]);

    /// <summary>webhook → transform returning the trigger data unchanged.</summary>
    public static JsonObject Echo(string path, string mode = "lastNode", string method = "POST", JsonObject? auth = null) => Document(Unique("echo"),
        [Hook(path, mode, method, auth), Node("echo", "transform", new JsonObject { ["code"] = "return trigger;" })],
        [Edge("start", "echo")]);

    public static async Task<string> CreateActiveAsync(HttpClient admin, JsonObject document)
    {
        var created = await admin.CreateWorkflowAsync(document);
        var id = created.Str("id");
        var (response, body) = await admin.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        return id;
    }

    public static async Task<int> CountExecutionsAsync(HttpClient admin, string workflowId)
    {
        var (_, body) = await admin.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={workflowId}&limit=100");
        return body!["items"]!.AsArray().Count;
    }
}
