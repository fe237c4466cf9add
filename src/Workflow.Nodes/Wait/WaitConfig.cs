using System.ComponentModel;

namespace Workflow.Nodes.Wait;

/// <summary>Config of <c>wait</c>.</summary>
public sealed record WaitConfig
{
    [Description("Give up after this many seconds and follow the 'timeout' handle; absent: wait indefinitely.")]
    public double? TimeoutSeconds { get; init; }

    [Description("Shown to people deciding (e.g. the approval question).")]
    public string? Message { get; init; }
}
