using System.Text.Json.Nodes;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Api.Http;

/// <summary>The wire shapes of executions (DESIGN §5).</summary>
public static class ExecutionJson
{
    public static JsonObject From(ExecutionView view)
    {
        var nodes = new JsonArray();
        foreach (var node in view.Nodes)
        {
            nodes.Add(new JsonObject
            {
                ["nodeId"] = node.NodeId,
                ["status"] = node.Status,
                ["attempts"] = node.Attempts,
                ["runs"] = node.Runs,
                ["startedAt"] = node.StartedAt,
                ["completedAt"] = node.CompletedAt,
                ["output"] = Parse(node.OutputJson),
                ["error"] = Error(node.Error),
            });
        }
        return new JsonObject
        {
            ["id"] = view.Id,
            ["workflowId"] = view.WorkflowId,
            ["workflowVersion"] = view.WorkflowVersion,
            ["status"] = view.Status,
            ["triggeredBy"] = view.TriggeredBy,
            ["startedAt"] = view.StartedAt,
            ["completedAt"] = view.CompletedAt,
            ["durationMs"] = view.DurationMs,
            ["result"] = Parse(view.ResultJson),
            ["error"] = Error(view.Error),
            ["nodes"] = nodes,
            ["sequence"] = view.Sequence,
        };
    }

    public static JsonObject From(ExecutionRecord record) => new()
    {
        ["id"] = record.Id,
        ["workflowId"] = record.WorkflowId,
        ["workflowName"] = record.WorkflowName,
        ["workflowVersion"] = record.WorkflowVersion,
        ["status"] = record.Status,
        ["triggeredBy"] = record.TriggeredBy,
        ["startedAt"] = record.StartedAt,
        ["completedAt"] = record.CompletedAt,
        ["durationMs"] = record.DurationMs,
        ["error"] = record.ErrorCode is null ? null : new JsonObject { ["code"] = record.ErrorCode, ["message"] = record.ErrorMessage },
    };

    private static JsonNode? Error(ExecutionErrorView? error) => error is null ? null : new JsonObject
    {
        ["code"] = error.Code,
        ["message"] = error.Message,
        ["nodeId"] = error.NodeId,
    };

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
