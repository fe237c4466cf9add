using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Workflow.Nodes.Respond;

/// <summary>Config of the <c>respond</c> node.</summary>
[Description("Sets the HTTP response of a webhook-triggered run.")]
public sealed record RespondConfig
{
    [Description("HTTP status code (100-599). Default 200.")]
    public int Status { get; init; } = 200;

    [Description("Response headers: name → text (values may be expressions; numbers and booleans are written as text).")]
    public JsonObject Headers { get; init; } = [];

    [Description("Response body: a value or an expression such as {{ nodes.total.output }}. Defaults to the input.")]
    public JsonNode? Body { get; init; }
}
