using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Nodes.Respond;

/// <summary>
/// <c>respond</c>: produces the HTTP response of a webhook-triggered run as its output
/// <c>{status, headers, body}</c>; the execution's result is this output.
/// </summary>
[NodeType("respond", Category = "flow", Name = "Respond", Icon = "reply", Color = "#22c55e",
    Description = "Answer the webhook that started the run with a status, headers and body.")]
public sealed class RespondNode : NodeExecutor<RespondConfig>
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, RespondConfig config, CancellationToken cancellationToken)
    {
        if (config.Status is < 100 or > 599)
        {
            return ValueTask.FromResult(NodeResult.Failed("invalid_config",
                $"Node '{context.Node.Id}' has status {config.Status}; an HTTP status is between 100 and 599."));
        }
        var headers = new JsonObject();
        foreach (var (name, value) in config.Headers)
        {
            var error = HeaderError(name, value);
            if (error is not null)
            {
                return ValueTask.FromResult(NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}': {error}"));
            }
            if (value is not null)
            {
                headers[name] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }
        var body = context.Config.ContainsKey("body") ? config.Body : context.Input?.DeepClone();
        var output = new JsonObject { ["status"] = config.Status, ["headers"] = headers, ["body"] = body };
        return ValueTask.FromResult(NodeResult.Completed(output));
    }

    /// <summary>Why a header cannot be sent as is (names are HTTP tokens; values carry no line breaks), or null.</summary>
    private static string? HeaderError(string name, JsonNode? value)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".Contains(c)))
        {
            return $"'{name}' is not a valid header name.";
        }
        if (value is JsonObject or JsonArray)
        {
            return $"header '{name}' must be text, not {(value is JsonObject ? "an object" : "an array")}.";
        }
        if (value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Any(c => c is '\r' or '\n' or '\0'))
        {
            return $"header '{name}' contains a line break.";
        }
        return null;
    }
}
