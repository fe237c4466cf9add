namespace Workflow.Grains.Abstractions.Executions;

/// <summary>Outcome of cancel/retry: the new view, or an error code (<c>not_found</c>, <c>invalid_state</c>).</summary>
[GenerateSerializer, Immutable, Alias("wf.ControlResult")]
public sealed record ControlResult
{
    [Id(0)] public ExecutionView? View { get; init; }
    [Id(1)] public string? ErrorCode { get; init; }
    [Id(2)] public string? ErrorMessage { get; init; }
}
