namespace Workflow.Silo.Hosting;

/// <summary>
/// Keeps the designer's catch-all route off the server's own prefixes, so an unknown <c>/api/…</c> route answers as
/// before (401 when anonymous, 404 problem when signed in) instead of the designer.
/// </summary>
public sealed class DesignerPathConstraint : IRouteConstraint
{
    public const string Name = "designer";

    private static readonly string[] ServerSegments = ["api", "hubs", "hooks", "dashboard", "openapi", "health", "metrics"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? "" : "";
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? path : path[..slash];
        return !ServerSegments.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
