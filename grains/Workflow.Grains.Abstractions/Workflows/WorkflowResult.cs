namespace Workflow.Grains.Abstractions.Workflows;

/// <summary>The stored document after a change, or an error code (<c>not_found</c>, <c>version_conflict</c>, …).</summary>
[GenerateSerializer, Immutable, Alias("wf.WorkflowResult")]
public sealed record WorkflowResult
{
    [Id(0)] public string? DocumentJson { get; init; }
    [Id(1)] public string? ErrorCode { get; init; }
    [Id(2)] public string? ErrorMessage { get; init; }

    public bool Ok => ErrorCode is null;

    public static WorkflowResult Success(string json) => new() { DocumentJson = json };

    public static WorkflowResult Error(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
