using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Api.Webhooks;

/// <summary>Maps a started execution to the HTTP answer of its trigger's response mode.</summary>
public static class WebhookResults
{
    public static IResult Accepted(string executionId, string? status = null) =>
        Results.Json(new JsonObject { ["executionId"] = executionId, ["status"] = status }, statusCode: StatusCodes.Status202Accepted);

    public static IResult Duplicate(string executionId) =>
        Results.Json(new JsonObject { ["duplicate"] = true, ["executionId"] = executionId }, statusCode: StatusCodes.Status200OK);

    /// <summary>The answer of a <c>lastNode</c> or <c>respondNode</c> trigger once the run settled (or the wait ran out).</summary>
    public static IResult From(WebhookRoute route, ExecutionView view)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(view);
        if (view.Status is "failed" or "cancelled")
        {
            return Failed(view);
        }
        if (route.Registration.ResponseMode == WebhookModes.RespondNode)
        {
            var output = view.Nodes.LastOrDefault(n => route.RespondNodeIds.Contains(n.NodeId) && n.Status == "completed" && n.OutputJson is not null);
            if (output is not null && JsonNode.Parse(output.OutputJson!) is JsonObject respond)
            {
                var status = respond["status"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : 200;
                return new RespondResult(status, respond["headers"] as JsonObject, respond["body"]);
            }
            return view.Status == "completed"
                ? Problem(StatusCodes.Status500InternalServerError, "no_response", "The run finished without a respond node answering.", view.Id, null)
                : Accepted(view.Id, view.Status);
        }
        return view.Status == "completed"
            ? Results.Text(view.ResultJson ?? "null", "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK)
            : Accepted(view.Id, view.Status);
    }

    public static IResult Problem(int status, string code, string title, string? executionId, string? detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://workflow.dev/problems/{code}" };
        problem.Extensions["code"] = code;
        if (executionId is not null)
        {
            problem.Extensions["executionId"] = executionId;
        }
        return TypedResults.Problem(problem);
    }

    private static IResult Failed(ExecutionView view) =>
        Problem(StatusCodes.Status500InternalServerError, "execution_failed", $"The run {view.Status}.", view.Id, view.Error?.Code is { } code ? $"Error code: {code}." : null);
}
