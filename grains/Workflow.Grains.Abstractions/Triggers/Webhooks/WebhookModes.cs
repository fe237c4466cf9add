namespace Workflow.Grains.Abstractions.Triggers.Webhooks;

/// <summary>Wire names of webhook response modes and auth types (trigger config <c>responseMode</c>, <c>auth.type</c>).</summary>
public static class WebhookModes
{
    public const string OnReceived = "onReceived";
    public const string LastNode = "lastNode";
    public const string RespondNode = "respondNode";
    public const string AuthNone = "none";
    public const string AuthHmac = "hmac";
    public const string AuthApiKey = "apiKey";
    public const string AnyMethod = "ANY";
}
