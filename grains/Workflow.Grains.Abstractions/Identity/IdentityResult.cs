namespace Workflow.Grains.Abstractions.Identity;

/// <summary>
/// The outcome of a change to tenants or users: success, or a stable error code (<c>tenant_exists</c>,
/// <c>tenant_not_found</c>, <c>user_exists</c>, <c>not_found</c>, <c>last_owner</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.IdentityResult")]
public sealed record IdentityResult
{
    /// <summary>The error code, null on success.</summary>
    [Id(0)] public string? ErrorCode { get; init; }

    /// <summary>A message for people.</summary>
    [Id(1)] public string? ErrorMessage { get; init; }

    /// <summary>True on success.</summary>
    public bool Ok => ErrorCode is null;

    /// <summary>The success value.</summary>
    public static IdentityResult Success { get; } = new();

    /// <summary>A failure with <paramref name="code"/>.</summary>
    public static IdentityResult Error(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
