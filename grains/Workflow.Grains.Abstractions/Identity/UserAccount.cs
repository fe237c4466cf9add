namespace Workflow.Grains.Abstractions.Identity;

/// <summary>
/// A user of one tenant as stored by <see cref="IUserGrain"/>. <see cref="UserId"/> is new for every creation, so a
/// token of a deleted user does not work for a later user of the same name.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.UserAccount")]
public sealed record UserAccount
{
    /// <summary>The tenant the user belongs to.</summary>
    [Id(0)] public string Tenant { get; init; } = "";

    /// <summary>The login name, unique within the tenant.</summary>
    [Id(1)] public string Username { get; init; } = "";

    /// <summary>A random id of this creation of the user.</summary>
    [Id(2)] public string UserId { get; init; } = "";

    /// <summary>The password hash (algorithm, iterations, salt and hash), never the password.</summary>
    [Id(3)] public string PasswordHash { get; init; } = "";

    /// <summary>The user's roles in the tenant (<see cref="TenantRoles"/>).</summary>
    [Id(4)] public string[] Roles { get; init; } = [];

    /// <summary>True for a system administrator (may create tenants).</summary>
    [Id(5)] public bool SystemAdmin { get; init; }

    /// <summary>When the user was created.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The listing form, without the password hash.</summary>
    public UserSummary ToSummary() => new() { Username = Username, Roles = Roles, SystemAdmin = SystemAdmin, CreatedAt = CreatedAt };
}
