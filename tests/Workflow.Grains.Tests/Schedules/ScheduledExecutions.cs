using Workflow.Core.Scheduling;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Executions;

namespace Workflow.Grains.Tests.Schedules;

/// <summary>
/// The executions a schedule trigger started, read from the execution history and tied to their scheduled instant
/// through the deterministic execution id (<c>{tenant}:{workflowId}:{nodeId}:{instant:O}</c>) the grain fires under.
/// </summary>
public sealed record ScheduledExecutions(IReadOnlyList<ExecutionRecord> Records, IReadOnlyDictionary<string, DateTimeOffset> InstantById)
{
    /// <summary>The instants that started an execution, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Instants => [.. Records.Where(r => InstantById.ContainsKey(r.Id)).Select(r => InstantById[r.Id]).Order()];

    /// <summary>Executions whose id is not the one of any scheduled instant.</summary>
    public IReadOnlyList<ExecutionRecord> Unmatched => [.. Records.Where(r => !InstantById.ContainsKey(r.Id))];

    /// <summary>The executions of the instants after <paramref name="at"/>.</summary>
    public IEnumerable<ExecutionRecord> After(DateTimeOffset at) => Records.Where(r => InstantById.TryGetValue(r.Id, out var i) && i > at);

    public static async Task<ScheduledExecutions> ReadAsync(IExecutionHistoryStore history, string tenant, Guid workflowId, string nodeId,
        string cron, DateTimeOffset from, DateTimeOffset to)
    {
        var records = new List<ExecutionRecord>();
        string? cursor = null;
        do
        {
            var page = await history.QueryAsync(new ExecutionQuery { TenantId = tenant, WorkflowId = workflowId, Limit = 500, Cursor = cursor });
            records.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.True(CronSchedule.TryCreate(new ScheduleSpec(cron, "UTC"), out var schedule, out var error), error);
        var byId = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var instant = schedule!.NextAfter(from); instant is { } i && i <= to; instant = schedule.NextAfter(i))
        {
            byId[ExecutionId(tenant, workflowId, nodeId, i)] = i.ToUniversalTime();
        }

        return new ScheduledExecutions(records, byId);
    }

    /// <summary>The id the schedule grain starts the execution of <paramref name="instant"/> under.</summary>
    public static string ExecutionId(string tenant, Guid workflowId, string nodeId, DateTimeOffset instant) =>
        ExecutionLauncher.DeterministicId($"{tenant}:{workflowId}:{nodeId}:{instant.ToUniversalTime():O}");
}
