using System.ComponentModel;

namespace Workflow.Nodes.Delay;

/// <summary>Config of <c>delay</c>: a duration or an instant.</summary>
public sealed record DelayConfig
{
    [Description("How long to wait, in seconds.")]
    public double? DurationSeconds { get; init; }

    [Description("Wait until this instant (ISO 8601); used when durationSeconds is absent.")]
    public string? Until { get; init; }
}
