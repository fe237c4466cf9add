namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>Normalises webhook paths and builds registry keys <c>{tenant}/{path}</c>.</summary>
public static class WebhookPaths
{
    /// <summary>The path without leading, trailing or doubled slashes (case is kept); empty when nothing is left.</summary>
    public static string Normalise(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }
        var trimmed = path.AsSpan().Trim().Trim('/');
        if (!trimmed.Contains("//", StringComparison.Ordinal))
        {
            return trimmed.Length == path.Length ? path : trimmed.ToString();
        }
        return string.Join('/', trimmed.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The key of the registry grain of (tenant, path).</summary>
    public static string Key(string tenant, string normalisedPath) => GrainKeys.For(tenant, normalisedPath);
}
