using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>
/// How a finished child execution completes its parent's <c>subworkflow</c> node, per the node's
/// <c>errorHandling</c>: <c>propagate</c> (default) fails the node, <c>catch</c> follows the <c>error</c> handle with
/// the error as output, <c>ignore</c> continues on <c>out</c> with a null output.
/// </summary>
public static class SubworkflowCompletion
{
    /// <summary>The node result for a terminal child (status <c>completed</c>, <c>failed</c> or <c>cancelled</c>).</summary>
    public static NodeResult ResultFor(JsonObject? config, string childExecutionId, string status, JsonNode? result, NodeError? error)
    {
        if (status == "completed")
        {
            return NodeResult.Completed(result?.DeepClone());
        }
        var failure = new NodeError("subworkflow_failed",
            $"Sub-workflow execution {childExecutionId} {status}" + (error is null ? "." : $": {error.Code}: {error.Message}"));
        var handling = config?["errorHandling"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "propagate";
        return handling switch
        {
            "catch" => NodeResult.Completed(new JsonObject
            {
                ["executionId"] = childExecutionId,
                ["error"] = new JsonObject { ["code"] = error?.Code ?? status, ["message"] = error?.Message ?? failure.Message },
            }, Graph.NodeTypes.ErrorHandle),
            "ignore" => NodeResult.Completed(null),
            _ => NodeResult.Failed(failure),
        };
    }

    /// <summary>The child execution a waiting subworkflow node is awaiting, from its parked output.</summary>
    public static string? AwaitedChild(NodeState node) =>
        node.Status == NodeStatus.Waiting && node.AwaitingSignal && node.Output?["childExecutionId"] is JsonValue v && v.TryGetValue<string>(out var id)
            ? id
            : null;
}
