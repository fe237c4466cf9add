using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>
/// The webhook registered at one (tenant, path), key <c>{tenant}/{normalised path}</c>. At most one active
/// workflow trigger holds a path; a second claim is refused.
/// </summary>
[Alias("wf.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>The active registration, or null.</summary>
    [Alias("Get"), ReadOnly, AlwaysInterleave]
    Task<WebhookRegistration?> GetAsync();

    /// <summary>
    /// Claims the path for the registration's workflow trigger node; returns the holder when another workflow
    /// (or another trigger node) holds it already, otherwise null.
    /// </summary>
    [Alias("Register")]
    Task<WebhookRegistration?> RegisterAsync(WebhookRegistration registration);

    /// <summary>Releases the path when it is still held by <paramref name="workflowId"/>'s <paramref name="nodeId"/>.</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(Guid workflowId, string nodeId);
}
