namespace Workflow.Grains.Abstractions.History;

/// <summary>
/// The queryable execution history. Writes are batched: <see cref="Upsert"/> queues a row (a later row for the
/// same id replaces an earlier one) and returns at once; <see cref="FlushAsync"/> waits until everything queued
/// so far is stored. Reads see only flushed rows.
/// </summary>
public interface IExecutionHistoryStore
{
    void Upsert(ExecutionRecord record);

    Task FlushAsync(CancellationToken cancellationToken = default);

    Task<ExecutionRecord?> GetAsync(string tenantId, string executionId, CancellationToken cancellationToken = default);

    Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default);
}
