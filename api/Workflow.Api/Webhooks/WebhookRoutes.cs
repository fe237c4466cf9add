using Workflow.Core.Graph;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Triggers.Webhooks;
using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Api.Webhooks;

/// <summary>Finds the route of (tenant, path) through the per-process <see cref="WebhookRouteCache"/>.</summary>
public static class WebhookRoutes
{
    public static async ValueTask<WebhookRoute?> FindAsync(IGrainFactory grains, WebhookRouteCache cache, string tenant, string path)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(cache);
        var key = WebhookPaths.Key(tenant, path);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }
        var generation = cache.Generation;
        WebhookRoute? route = null;
        if (await grains.GetGrain<IWebhookRegistryGrain>(key).GetAsync() is { } registration
            && await grains.GetGrain<IWorkflowVersionGrain>(GrainKeys.ForVersion(tenant, registration.WorkflowId, registration.Version)).GetAsync() is { } json)
        {
            var document = WorkflowJson.Deserialize(json);
            var respondIds = document.Definition.Nodes.Where(n => n.Type == "respond").Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            route = new WebhookRoute(registration, json, respondIds);
        }
        cache.Set(key, route, generation);
        return route;
    }
}
