namespace Workflow.Grains.Triggers.Events;

/// <summary>One event trigger of an active workflow, as the tenant's <see cref="EventRouterGrain"/> holds it.</summary>
[GenerateSerializer, Immutable, Alias("wf.EventSubscription")]
public sealed record EventSubscription
{
    /// <summary>The workflow.</summary>
    [Id(0)] public required Guid WorkflowId { get; init; }

    /// <summary>The workflow version that registered the trigger.</summary>
    [Id(1)] public int Version { get; init; }

    /// <summary>The trigger node.</summary>
    [Id(2)] public required string NodeId { get; init; }

    /// <summary>The event type to match (exact, ordinal).</summary>
    [Id(3)] public required string EventType { get; init; }

    /// <summary>Expressions over <c>event</c> that must all be truthy.</summary>
    [Id(4)] public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Matching events within this many milliseconds of the last start start nothing; 0 = no debounce.</summary>
    [Id(5)] public int DebounceMs { get; init; }

    /// <summary>When this subscription last started an execution.</summary>
    [Id(6)] public DateTimeOffset? LastStartedAt { get; init; }

    /// <summary>The key of a subscription within its tenant: workflow and trigger node.</summary>
    public string Key => KeyOf(WorkflowId, NodeId);

    /// <summary>The key of the subscription of <paramref name="workflowId"/>'s trigger node <paramref name="nodeId"/>.</summary>
    public static string KeyOf(Guid workflowId, string nodeId) => $"{workflowId:N}/{nodeId}";
}
