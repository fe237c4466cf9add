namespace Workflow.Grains.Abstractions.History;

/// <summary>Which executions <see cref="IExecutionStatsStore.GetStatsAsync"/> summarises: started in [From, To).</summary>
public sealed record WorkflowStatsQuery(string TenantId, Guid WorkflowId, DateTimeOffset From, DateTimeOffset To);
