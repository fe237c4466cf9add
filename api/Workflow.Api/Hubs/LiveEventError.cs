namespace Workflow.Api.Hubs;

/// <summary>The error of a failed (or retrying) node or of a failed execution in a live event.</summary>
public sealed record LiveEventError(string Code, string Message);
