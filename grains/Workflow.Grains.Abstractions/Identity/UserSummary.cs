namespace Workflow.Grains.Abstractions.Identity;

/// <summary>A user as listed by <c>GET /api/users</c>: no password hash, no keys.</summary>
[GenerateSerializer, Immutable, Alias("wf.UserSummary")]
public sealed record UserSummary
{
    /// <summary>The login name.</summary>
    [Id(0)] public string Username { get; init; } = "";

    /// <summary>The user's roles in the tenant.</summary>
    [Id(1)] public string[] Roles { get; init; } = [];

    /// <summary>True for a system administrator.</summary>
    [Id(2)] public bool SystemAdmin { get; init; }

    /// <summary>When the user was created.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
}
