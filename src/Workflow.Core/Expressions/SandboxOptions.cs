namespace Workflow.Core.Expressions;

/// <summary>Limits of the JavaScript sandbox (DESIGN §2 defaults).</summary>
public sealed record SandboxOptions
{
    public const string SectionName = "Workflow:Sandbox";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxStatements { get; init; } = 1_000_000;
    public long MaxMemoryBytes { get; init; } = 32L * 1024 * 1024;
    public int MaxRecursionDepth { get; init; } = 256;
}
