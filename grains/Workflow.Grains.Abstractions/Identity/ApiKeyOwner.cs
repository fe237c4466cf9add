namespace Workflow.Grains.Abstractions.Identity;

/// <summary>Whose key it is, answered by <see cref="IApiKeyGrain.AuthenticateAsync"/> when the key matched.</summary>
[GenerateSerializer, Immutable, Alias("wf.ApiKeyOwner")]
public sealed record ApiKeyOwner
{
    /// <summary>The owner's tenant.</summary>
    [Id(0)] public string Tenant { get; init; } = "";

    /// <summary>The owner's login name.</summary>
    [Id(1)] public string Username { get; init; } = "";

    /// <summary>The owner's <see cref="UserAccount.UserId"/> when the key was made.</summary>
    [Id(2)] public string UserId { get; init; } = "";
}
