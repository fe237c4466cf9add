namespace Workflow.Core.Graph;

/// <summary>Exponential backoff retry policy for a node (or the whole workflow's default).</summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 1;
    public int InitialIntervalMs { get; init; } = 1000;
    public double BackoffCoefficient { get; init; } = 2.0;
    public int MaxIntervalMs { get; init; } = 60_000;

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 = first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponent = Math.Max(0, nextAttempt - 2);
        var ms = InitialIntervalMs * Math.Pow(BackoffCoefficient, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxIntervalMs));
    }
}
