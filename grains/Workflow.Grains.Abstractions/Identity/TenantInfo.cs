namespace Workflow.Grains.Abstractions.Identity;

/// <summary>A tenant as answered by <see cref="ITenantGrain.GetAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("wf.TenantInfo")]
public sealed record TenantInfo
{
    /// <summary>The tenant name (the grain key).</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>A human-readable name.</summary>
    [Id(1)] public string DisplayName { get; init; } = "";

    /// <summary>When the tenant was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The number of users.</summary>
    [Id(3)] public int UserCount { get; init; }
}
