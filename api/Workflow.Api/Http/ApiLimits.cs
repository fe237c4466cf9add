namespace Workflow.Api.Http;

/// <summary>Request limits of the API besides the workflow document limits.</summary>
public sealed record ApiLimits
{
    public const string SectionName = "Workflow:Api";

    /// <summary>Largest accepted JSON body for execution input, signals and events.</summary>
    public int MaxInputBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted JSON nesting in such bodies.</summary>
    public int MaxInputDepth { get; init; } = 64;

    /// <summary>Longest time <c>?wait=true</c> waits before answering with the execution as it is.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);
}
