using Workflow.Core.Ids;

namespace Workflow.Core.Execution;

/// <summary>Ids of executions that have no dedupe key (a manual start, an unsigned webhook delivery).</summary>
public static class ExecutionIds
{
    /// <summary>
    /// A time-ordered GUID (<see cref="TimeOrderedGuid"/>). Executions started one after another get increasing ids,
    /// so the storage indexes keyed by id take each new row at their end instead of at a random page: the pages being
    /// written stay in the cache however large the history grows.
    /// </summary>
    public static string New() => TimeOrderedGuid.New().ToString();

    /// <summary>An id carrying the millisecond of <paramref name="now"/> (<see cref="New()"/>).</summary>
    public static string New(DateTimeOffset now) => TimeOrderedGuid.New(now).ToString();
}
