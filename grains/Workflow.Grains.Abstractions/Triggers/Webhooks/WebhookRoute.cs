namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>
/// What a silo keeps in memory per webhook path: the registration, the pinned workflow version JSON and the ids
/// of its <c>respond</c> nodes, so a request needs no registry, workflow or parsing round trip.
/// </summary>
public sealed record WebhookRoute(WebhookRegistration Registration, string WorkflowJson, IReadOnlySet<string> RespondNodeIds);
