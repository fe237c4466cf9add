using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Schedules;

/// <summary>Documents with a schedule trigger.</summary>
public static class ScheduleWorkflows
{
    public static JsonObject Every(string cron, string? timezone = null) => Document(Unique("schedule"),
        [Node("tick", "trigger", new JsonObject { ["kind"] = "schedule", ["cron"] = cron, ["timezone"] = timezone }),
         Node("echo", "transform", new JsonObject { ["code"] = "return trigger.scheduledAt;" })],
        [Edge("tick", "echo")]);
}
