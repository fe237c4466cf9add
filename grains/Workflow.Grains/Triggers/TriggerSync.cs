using Workflow.Core.Graph;

namespace Workflow.Grains.Triggers;

/// <summary>Brings the registered triggers in line with a workflow's status change (old document → new document).</summary>
public sealed class TriggerSync(IEnumerable<ITriggerHandler> handlers)
{
    private readonly Dictionary<string, ITriggerHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>
    /// Unregisters the triggers of <paramref name="before"/> when it was active, then registers those of
    /// <paramref name="after"/> when it is active. Either may be null (created, deleted).
    /// </summary>
    public async Task ApplyAsync(string tenant, WorkflowDocument? before, WorkflowDocument? after, CancellationToken cancellationToken)
    {
        if (before is { Status: WorkflowStatus.Active })
        {
            foreach (var (handler, registration) in Registrations(tenant, before))
            {
                await handler.DeactivateAsync(registration, cancellationToken);
            }
        }
        if (after is { Status: WorkflowStatus.Active })
        {
            foreach (var (handler, registration) in Registrations(tenant, after))
            {
                await handler.ActivateAsync(registration, cancellationToken);
            }
        }
    }

    private IEnumerable<(ITriggerHandler Handler, TriggerRegistration Registration)> Registrations(string tenant, WorkflowDocument document)
    {
        foreach (var node in document.Definition.Nodes.Where(n => n.Type == NodeTypes.Trigger))
        {
            var registration = new TriggerRegistration(tenant, document.Id, document.Version, node.Id, node.Config ?? []);
            if (_handlers.TryGetValue(registration.Kind, out var handler))
            {
                yield return (handler, registration);
            }
        }
    }
}
