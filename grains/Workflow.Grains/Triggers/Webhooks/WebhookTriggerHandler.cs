using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Grains.Triggers.Webhooks;

/// <summary>
/// Registers webhook triggers (config <c>kind: webhook</c>) in the registry grain of their (tenant, path) when a
/// workflow is activated and releases them when it is paused, archived or deleted. A path held by another
/// active workflow throws <see cref="TriggerConflictException"/>.
/// </summary>
public sealed partial class WebhookTriggerHandler(IGrainFactory grains, WebhookRouteCache routes, ILogger<WebhookTriggerHandler> logger) : ITriggerHandler
{
    public string Kind => "webhook";

    public async Task ActivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var path = WebhookPaths.Normalise(Text(registration.Config, "path"));
        if (path.Length == 0)
        {
            LogNoPath(registration.WorkflowId, registration.NodeId);
            return;
        }
        var key = WebhookPaths.Key(registration.Tenant, path);
        var holder = await grains.GetGrain<IWebhookRegistryGrain>(key).RegisterAsync(ToWebhook(registration, path));
        routes.Invalidate(key);
        if (holder is not null)
        {
            LogConflict(registration.Tenant, path, registration.WorkflowId, holder.WorkflowId);
            throw new TriggerConflictException(
                $"Webhook path '{path}' is already used by active workflow {holder.WorkflowId} (trigger '{holder.NodeId}'); pause it or choose another path.");
        }
        LogRegistered(registration.Tenant, path, registration.WorkflowId, registration.Version, registration.NodeId);
    }

    public async Task DeactivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var path = WebhookPaths.Normalise(Text(registration.Config, "path"));
        if (path.Length == 0)
        {
            return;
        }
        var key = WebhookPaths.Key(registration.Tenant, path);
        await grains.GetGrain<IWebhookRegistryGrain>(key).UnregisterAsync(registration.WorkflowId, registration.NodeId);
        routes.Invalidate(key);
        LogUnregistered(registration.Tenant, path, registration.WorkflowId, registration.NodeId);
    }

    private static WebhookRegistration ToWebhook(TriggerRegistration registration, string path)
    {
        var config = registration.Config;
        var auth = config["auth"] as JsonObject;
        var authType = Text(auth, "type") switch
        {
            { } t when t.Equals(WebhookModes.AuthHmac, StringComparison.OrdinalIgnoreCase) => WebhookModes.AuthHmac,
            { } t when t.Equals(WebhookModes.AuthApiKey, StringComparison.OrdinalIgnoreCase) => WebhookModes.AuthApiKey,
            _ => WebhookModes.AuthNone,
        };
        var mode = Text(config, "responseMode") switch
        {
            WebhookModes.LastNode => WebhookModes.LastNode,
            WebhookModes.RespondNode => WebhookModes.RespondNode,
            _ => WebhookModes.OnReceived,
        };
        return new WebhookRegistration
        {
            WorkflowId = registration.WorkflowId,
            Version = registration.Version,
            NodeId = registration.NodeId,
            Path = path,
            Method = (Text(config, "method") ?? "POST").Trim().ToUpperInvariant(),
            ResponseMode = mode,
            AuthType = authType,
            Secret = authType == WebhookModes.AuthHmac ? Text(auth, "secret") : null,
            ApiKeyHeader = authType == WebhookModes.AuthApiKey ? Text(auth, "header") ?? "X-Api-Key" : null,
            ApiKeyValue = authType == WebhookModes.AuthApiKey ? Text(auth, "value") : null,
        };
    }

    private static string? Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
