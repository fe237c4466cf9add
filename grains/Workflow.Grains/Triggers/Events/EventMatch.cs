namespace Workflow.Grains.Triggers.Events;

/// <summary>An event trigger that matched an event and should start its workflow.</summary>
[GenerateSerializer, Immutable, Alias("wf.EventMatch")]
public sealed record EventMatch([property: Id(0)] Guid WorkflowId, [property: Id(1)] string NodeId);
