using Orleans.Runtime;

namespace Workflow.Grains.Abstractions.Live;

/// <summary>
/// The Orleans streams that carry live execution events: one stream per (tenant, workflow). Keying by workflow lets a
/// silo's bridge hold one subscription per watched workflow and serve both workflow and execution subscribers from
/// it (an execution knows its workflow), instead of one subscription per execution; events are only published while
/// someone watches (<see cref="WatchLeaseCache"/>), so unwatched executions of the same workflow add no traffic.
/// </summary>
public static class ExecutionEventStreams
{
    /// <summary>The stream provider (the memory stream provider the silo configures as <c>events</c>).</summary>
    public const string ProviderName = "events";

    public const string Namespace = "execution-events";

    /// <summary>Longest node output (characters of JSON) an event carries; longer outputs are cut and flagged.</summary>
    public const int MaxOutputChars = 16 * 1024;

    public static StreamId For(string tenant, Guid workflowId) => StreamId.Create(Namespace, $"{tenant}/{workflowId:N}");
}
