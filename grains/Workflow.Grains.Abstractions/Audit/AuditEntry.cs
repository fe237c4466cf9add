namespace Workflow.Grains.Abstractions.Audit;

/// <summary>One row of the audit trail: who did what to which target in which tenant, when, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("wf.AuditEntry")]
public sealed record AuditEntry
{
    /// <summary>Gets the entry id; a time-ordered GUID unless given.</summary>
    [Id(0)] public string Id { get; init; } = Workflow.Core.Ids.TimeOrderedGuid.New().ToString("N");

    /// <summary>Gets the tenant the action happened in.</summary>
    [Id(1)] public required string TenantId { get; init; }

    /// <summary>Gets when it happened.</summary>
    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Gets who did it: a username, or <c>system</c>.</summary>
    [Id(3)] public required string Actor { get; init; }

    /// <summary>Gets what was done, e.g. <c>workflow.update</c>; see <see cref="AuditActions"/>.</summary>
    [Id(4)] public required string Action { get; init; }

    /// <summary>Gets the kind of target: <c>workflow</c>, <c>execution</c>, <c>credential</c>, <c>user</c>, …</summary>
    [Id(5)] public string TargetType { get; init; } = "";

    /// <summary>Gets the target's id, when there is one.</summary>
    [Id(6)] public string? TargetId { get; init; }

    /// <summary>Gets how it ended: <c>success</c>, <c>denied</c> or <c>failed</c>; see <see cref="AuditOutcomes"/>.</summary>
    [Id(7)] public string Outcome { get; init; } = AuditOutcomes.Success;

    /// <summary>Gets a short note (an error code, a new status); never a secret. Cut to 500 characters.</summary>
    [Id(8)] public string? Detail { get; init; }

    /// <summary>Gets the caller's IP address, when known.</summary>
    [Id(9)] public string? Ip { get; init; }
}
