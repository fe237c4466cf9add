using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Grains.Triggers.Webhooks;

/// <summary>The webhook at one (tenant, path): who holds it. Refuses a second workflow rather than letting the last one win.</summary>
[GrainType("webhookregistry")]
public sealed class WebhookRegistryGrain(
    [PersistentState("webhook", "workflow")] IPersistentState<WebhookRegistryState> state) : Grain, IWebhookRegistryGrain
{
    public Task<WebhookRegistration?> GetAsync() => Task.FromResult(state.State.Registration);

    public async Task<WebhookRegistration?> RegisterAsync(WebhookRegistration registration)
    {
        if (state.State.Registration is { } holder && (holder.WorkflowId != registration.WorkflowId || holder.NodeId != registration.NodeId))
        {
            return holder;
        }
        if (state.State.Registration != registration)
        {
            state.State.Registration = registration;
            await state.WriteStateAsync();
        }
        return null;
    }

    public async Task UnregisterAsync(Guid workflowId, string nodeId)
    {
        if (state.State.Registration is { } holder && holder.WorkflowId == workflowId && holder.NodeId == nodeId)
        {
            state.State.Registration = null;
            await state.WriteStateAsync();
        }
    }
}
