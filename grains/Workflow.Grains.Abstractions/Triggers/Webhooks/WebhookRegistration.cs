namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>
/// The active webhook trigger behind one (tenant, path): which workflow version and trigger node it starts,
/// the accepted method, the response mode and its auth. Secrets are kept as the workflow document holds them.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.WebhookRegistration")]
public sealed record WebhookRegistration
{
    [Id(0)] public required Guid WorkflowId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string NodeId { get; init; }
    /// <summary>Upper-case HTTP method, or <c>ANY</c>.</summary>
    [Id(3)] public string Method { get; init; } = "POST";
    /// <summary><c>onReceived</c>, <c>lastNode</c> or <c>respondNode</c>.</summary>
    [Id(4)] public string ResponseMode { get; init; } = WebhookModes.OnReceived;
    /// <summary><c>none</c>, <c>hmac</c> or <c>apiKey</c>.</summary>
    [Id(5)] public string AuthType { get; init; } = WebhookModes.AuthNone;
    /// <summary>HMAC secret (<c>whsec_</c> + base64, or plain text).</summary>
    [Id(6)] public string? Secret { get; init; }
    [Id(7)] public string? ApiKeyHeader { get; init; }
    [Id(8)] public string? ApiKeyValue { get; init; }
    /// <summary>The normalised path (see <see cref="WebhookPaths"/>).</summary>
    [Id(9)] public required string Path { get; init; }
}
