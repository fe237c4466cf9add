namespace Workflow.Api.Http;

/// <summary>
/// Cross-origin access. The designer is served same-origin, so by default no other origin may call the API;
/// list origins here to allow a separately hosted UI.
/// </summary>
public sealed record WorkflowCorsOptions
{
    public const string SectionName = "Workflow:Cors";
    public const string PolicyName = "workflow";

    public string[] AllowedOrigins { get; init; } = [];
}
