namespace Workflow.Grains.Abstractions.Identity;

/// <summary>The roles a user can hold within a tenant (DESIGN §7).</summary>
public static class TenantRoles
{
    /// <summary>Reads workflows and executions.</summary>
    public const string Viewer = "viewer";

    /// <summary>Creates and edits workflows.</summary>
    public const string Editor = "editor";

    /// <summary>Starts, cancels and retries executions.</summary>
    public const string Operator = "operator";

    /// <summary>Manages users and credentials.</summary>
    public const string Admin = "admin";

    /// <summary>Everything in the tenant.</summary>
    public const string Owner = "owner";

    /// <summary>Every role, least privileged first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Editor, Operator, Admin, Owner];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
