using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Grains.Triggers.Webhooks;

/// <summary>State of <see cref="WebhookRegistryGrain"/>.</summary>
public sealed class WebhookRegistryState
{
    public WebhookRegistration? Registration { get; set; }
}
