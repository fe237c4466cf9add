namespace Workflow.Grains.Abstractions.Audit;

/// <summary>
/// The append-only audit trail. <see cref="Append"/> queues an entry and returns at once (entries are written in
/// batches); <see cref="FlushAsync"/> waits until everything appended so far is stored. Queries see stored entries.
/// Nothing can change or remove an entry once stored.
/// </summary>
public interface IAuditLog
{
    /// <summary>Queues an entry; a missing tenant, actor or action, or an unknown outcome, throws.</summary>
    /// <param name="entry">The entry.</param>
    void Append(AuditEntry entry);

    /// <summary>Waits until every entry appended before the call is stored.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task completed once stored.</returns>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a tenant's entries, newest first; an invalid cursor throws <see cref="ArgumentException"/>.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The page.</returns>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
