namespace Workflow.Core.Graph;

/// <summary>Workflow-wide execution settings.</summary>
public sealed record WorkflowSettings
{
    public int? TimeoutSeconds { get; init; }
    public RetryPolicy? RetryPolicy { get; init; }
    public Guid? ErrorWorkflowId { get; init; }
}
