using System.ComponentModel;

namespace Workflow.Nodes.Merge;

/// <summary>Config of <c>merge</c>.</summary>
public sealed record MergeConfig
{
    [Description("all: wait for every branch that runs; any: continue on the first branch, let the others finish; first: continue on the first branch and cancel the others.")]
    public MergeWaitMode WaitMode { get; init; } = MergeWaitMode.All;

    [Description("stop: a failed branch fails the execution; continue: ignore failed branches; collect: include their errors in the output.")]
    public MergeErrorHandling ErrorHandling { get; init; } = MergeErrorHandling.Stop;
}

/// <summary>merge waitMode.</summary>
public enum MergeWaitMode { All, Any, First }

/// <summary>merge errorHandling.</summary>
public enum MergeErrorHandling { Stop, Continue, Collect }
