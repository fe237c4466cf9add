namespace Workflow.Grains.Abstractions;

/// <summary>Every grain key carries the tenant: <c>{tenant}/{id}</c>.</summary>
public static class GrainKeys
{
    public const string DefaultTenant = "default";

    public static string For(string tenant, Guid id) => $"{tenant}/{id:N}";

    public static string For(string tenant, string id) => $"{tenant}/{id}";

    public static string ForVersion(string tenant, Guid id, int version) => $"{tenant}/{id:N}/{version}";

    /// <summary>Splits a key into tenant and the rest.</summary>
    public static (string Tenant, string Id) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (DefaultTenant, key) : (key[..slash], key[(slash + 1)..]);
    }
}
