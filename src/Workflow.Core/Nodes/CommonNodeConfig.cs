using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Graph;

namespace Workflow.Core.Nodes;

/// <summary>Config keys every node accepts besides its own: <c>retryPolicy</c>, <c>timeoutSeconds</c>, <c>onError</c>.</summary>
public sealed record CommonNodeConfig
{
    public static readonly string[] Keys = ["retryPolicy", "timeoutSeconds", "onError"];

    public RetryPolicy? RetryPolicy { get; init; }
    public int? TimeoutSeconds { get; init; }
    public OnError OnError { get; init; } = OnError.Stop;

    /// <summary>Reads the common keys of a node config; malformed values fall back to defaults (validation reports them).</summary>
    public static CommonNodeConfig Read(JsonObject? config)
    {
        if (config is null)
        {
            return new CommonNodeConfig();
        }
        try
        {
            return new CommonNodeConfig
            {
                RetryPolicy = config["retryPolicy"]?.Deserialize<RetryPolicy>(ConfigSchema.JsonOptions),
                TimeoutSeconds = config["timeoutSeconds"] is JsonValue t && t.TryGetValue<int>(out var s) ? s : null,
                OnError = config["onError"]?.GetValue<string>() switch
                {
                    "continue" => OnError.Continue,
                    "route" => OnError.Route,
                    _ => OnError.Stop,
                },
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return new CommonNodeConfig();
        }
    }

    /// <summary>Adds the common keys to a node type's generated schema.</summary>
    public static void AddTo(JsonObject schema)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["retryPolicy"] ??= new JsonObject
        {
            ["description"] = "Retry this node on failure with exponential backoff.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["maxAttempts"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 },
                ["initialIntervalMs"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["backoffCoefficient"] = new JsonObject { ["type"] = "number", ["minimum"] = 1 },
                ["maxIntervalMs"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
            },
        };
        properties["timeoutSeconds"] ??= new JsonObject
        {
            ["description"] = "Fail the node with code 'timeout' after this many seconds.",
            ["type"] = "integer", ["minimum"] = 1,
        };
        properties["onError"] ??= new JsonObject
        {
            ["description"] = "stop: fail the execution; continue: carry on with the error as output; route: follow the 'error' handle.",
            ["enum"] = new JsonArray("stop", "continue", "route"),
        };
    }
}

/// <summary>What happens when a node fails after its retries.</summary>
public enum OnError { Stop, Continue, Route }
