using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Tests.Live;

/// <summary>An execution history that keeps nothing (the live-event tests do not read it).</summary>
public sealed class NullHistoryStore : IExecutionHistoryStore
{
    public void Upsert(ExecutionRecord record)
    {
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ExecutionRecord?> GetAsync(string tenantId, string executionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ExecutionRecord?>(null);

    public Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ExecutionPage([], null));
}
