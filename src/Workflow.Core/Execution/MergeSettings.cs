using System.Text.Json.Nodes;

namespace Workflow.Core.Execution;

/// <summary>How a <c>merge</c> node joins its branches; read from its config by the planner.</summary>
public sealed record MergeSettings(string WaitMode, string ErrorHandling)
{
    public static MergeSettings Read(JsonObject? config) => new(
        Text(config, "waitMode", "all"),
        Text(config, "errorHandling", "stop"));

    private static string Text(JsonObject? config, string key, string fallback) =>
        config?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;
}
