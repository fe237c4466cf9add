using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.EndToEnd.Tests;

/// <summary>Workflow documents used by end-to-end tests.</summary>
public static class Workflows
{
    /// <summary>
    /// trigger → set → parallel ⇉ (transform sum | loop ×item·factor) → merge(all) → if sum > 5 → delay 5 s → transform;
    /// the if's false branch is skipped.
    /// </summary>
    public static JsonObject CrashTest() => Document("crash-" + Guid.NewGuid().ToString("N")[..8],
        [
            Trigger(),
            Node("vars", "set", new JsonObject { ["values"] = new JsonObject { ["factor"] = "{{ trigger.factor }}" } }),
            Node("fork", "parallel", []),
            Node("sum", "transform", new JsonObject { ["code"] = "return trigger.items.reduce((a, b) => a + b, 0);" }),
            Node("each", "loop", new JsonObject { ["loopType"] = "foreach", ["iterable"] = "{{ trigger.items }}" }),
            Node("double", "transform", new JsonObject { ["code"] = "return item * vars.factor;" }),
            Node("join", "merge", new JsonObject { ["waitMode"] = "all" }),
            Node("check", "if", new JsonObject { ["condition"] = "{{ nodes.sum.output > 5 }}" }),
            Node("pause", "delay", new JsonObject { ["durationSeconds"] = 5 }),
            Node("final", "transform", new JsonObject
            {
                ["code"] = "return { total: nodes.sum.output, doubled: nodes.each.output, after: 'delay' };",
            }),
            Node("small", "set", new JsonObject { ["values"] = new JsonObject { ["small"] = true } }),
        ],
        [
            Edge("start", "vars"), Edge("vars", "fork"), Edge("fork", "sum", "a"), Edge("fork", "each", "b"),
            Edge("each", "double", "body"), Edge("double", "each"), Edge("each", "join", "done"), Edge("sum", "join"),
            Edge("join", "check"), Edge("check", "pause", "true"), Edge("check", "small", "false"), Edge("pause", "final"),
        ]);
}
