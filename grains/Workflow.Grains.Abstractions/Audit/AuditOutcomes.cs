namespace Workflow.Grains.Abstractions.Audit;

/// <summary>How an audited action ended.</summary>
public static class AuditOutcomes
{
    /// <summary>The action was done.</summary>
    public const string Success = "success";

    /// <summary>The caller was not allowed to do it.</summary>
    public const string Denied = "denied";

    /// <summary>The action was allowed but did not happen (invalid input, conflict, error).</summary>
    public const string Failed = "failed";

    /// <summary>Tells whether <paramref name="outcome"/> is one of the outcomes.</summary>
    /// <param name="outcome">The candidate.</param>
    /// <returns>True for success, denied or failed.</returns>
    public static bool IsKnown(string? outcome) => outcome is Success or Denied or Failed;
}
