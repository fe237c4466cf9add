using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Http;
using Workflow.Core.Graph;
using Workflow.Grains.Abstractions.Triggers.Schedules;

namespace Workflow.Api.Endpoints;

/// <summary><c>GET /api/workflows/{id}/triggers</c>: every trigger node with its status and, for schedules, next and last fire times.</summary>
public static class TriggerEndpoints
{
    public static RouteHandlerBuilder MapTriggerEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/workflows/{id}/triggers", ListAsync).WithTags("Workflows").RequireAuthorization(Policies.Viewer);

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (WorkflowEndpoints.Grain(context, id, grains) is not { } grain || await grain.GetAsync() is not { } json)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var document = WorkflowJson.Deserialize(json);
        var active = document.Status == WorkflowStatus.Active;
        var items = new JsonArray();
        foreach (var node in document.Definition.Nodes.Where(n => n.Type == NodeTypes.Trigger))
        {
            var config = node.Config ?? [];
            var kind = Text(config, "kind") ?? "manual";
            var item = new JsonObject
            {
                ["nodeId"] = node.Id, ["kind"] = kind, ["status"] = active ? "active" : "inactive",
                ["nextFireAt"] = null, ["lastFireAt"] = null,
            };
            switch (kind)
            {
                case "schedule":
                    var key = ScheduleTriggerKeys.For(TenantResolver.TenantOf(context), document.Id, node.Id);
                    var view = await grains.GetGrain<IScheduleTriggerGrain>(key).GetAsync();
                    item["status"] = active ? view.Status : view.Status == "error" ? "error" : "inactive";
                    item["nextFireAt"] = active ? view.NextFireAt : null;
                    item["lastFireAt"] = view.LastFireAt;
                    item["cron"] = Text(config, "cron");
                    item["timezone"] = Text(config, "timezone") ?? "UTC";
                    if (view.Error is not null)
                    {
                        item["error"] = view.Error;
                    }
                    break;
                case "webhook":
                    item["path"] = Text(config, "path");
                    break;
                case "event":
                    item["eventType"] = Text(config, "eventType");
                    break;
            }
            items.Add(item);
        }
        return TypedResults.Ok(new JsonObject { ["items"] = items });
    }

    private static string? Text(JsonObject config, string key) =>
        config[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
