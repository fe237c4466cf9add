using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Benchmarks;

/// <summary>
/// The DESIGN §8 webhook workload: webhook (<c>lastNode</c>) → transform (order total and a flag) → if → <c>set</c>
/// on either branch; the answer is the last node's output <c>{result, total}</c>.
/// </summary>
public static class WebhookWorkflow
{
    /// <summary>An order of 105 (the <c>big</c> branch) and one of 85 (the <c>small</c> branch).</summary>
    public static readonly (byte[] Body, string Result, double Total)[] Orders =
    [
        (Order((40, 2), (25, 1)), "big", 105),
        (Order((30, 2), (25, 1)), "small", 85),
    ];

    public static JsonObject Document(string path) => WorkflowBuilder.Document(WorkflowBuilder.Unique("bench-webhook"),
        [
            WorkflowBuilder.Node("start", "trigger", new JsonObject
            {
                ["kind"] = "webhook", ["path"] = path, ["method"] = "POST", ["responseMode"] = "lastNode",
            }),
            WorkflowBuilder.Node("calc", "transform", new JsonObject
            {
                ["code"] = "const total = trigger.body.items.reduce((s, i) => s + i.price * i.qty, 0); return { total, big: total > 100 };",
            }),
            WorkflowBuilder.Node("check", "if", new JsonObject { ["condition"] = "{{ nodes.calc.output.big }}" }),
            WorkflowBuilder.Node("big", "set", new JsonObject
            {
                ["values"] = new JsonObject { ["result"] = "big", ["total"] = "{{ nodes.calc.output.total }}" },
            }),
            WorkflowBuilder.Node("small", "set", new JsonObject
            {
                ["values"] = new JsonObject { ["result"] = "small", ["total"] = "{{ nodes.calc.output.total }}" },
            }),
        ],
        [
            WorkflowBuilder.Edge("start", "calc"), WorkflowBuilder.Edge("calc", "check"),
            WorkflowBuilder.Edge("check", "big", "true"), WorkflowBuilder.Edge("check", "small", "false"),
        ]);

    /// <summary>Null when the answer is the expected <c>{result, total}</c>, else what was wrong.</summary>
    public static string? Check(string body, string result, double total)
    {
        try
        {
            var answer = JsonNode.Parse(body)?.AsObject();
            return answer?["result"]?.GetValue<string>() == result && answer["total"]?.GetValue<double>() == total
                ? null
                : "unexpected answer " + Truncate(body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return "unreadable answer " + Truncate(body);
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static byte[] Order(params (double Price, int Qty)[] items) => BenchmarkApi.Body(new JsonObject
    {
        ["items"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject { ["price"] = i.Price, ["qty"] = i.Qty }).ToArray()),
    });
}
