namespace Workflow.Api.Http;

/// <summary>Per-tenant API rate limit (a token bucket per tenant; anonymous callers per IP address).</summary>
public sealed record RateLimitOptions
{
    public const string SectionName = "Workflow:RateLimit";

    /// <summary>Requests a tenant may make per second, sustained.</summary>
    public int PermitsPerSecond { get; init; } = 2_000;

    /// <summary>Requests a tenant may make at once before it must wait for refills.</summary>
    public int Burst { get; init; } = 4_000;

    /// <summary>Turns limiting off (benchmarks of the engine itself).</summary>
    public bool Enabled { get; init; } = true;
}
