using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests;

/// <summary>Documents for API tests.</summary>
public static class TestWorkflows
{
    public static JsonObject Simple(string? name = null) => Document(name ?? Unique("simple"),
        [Trigger(), Node("double", "transform", new JsonObject { ["code"] = "return trigger.n * 2;" })],
        [Edge("start", "double")]);

    public static JsonObject WithDelay(int seconds) => Document(Unique("delay"),
        [Trigger(), Node("pause", "delay", new JsonObject { ["durationSeconds"] = seconds }),
         Node("after", "transform", new JsonObject { ["code"] = "return 'after';" })],
        [Edge("start", "pause"), Edge("pause", "after")]);
}
