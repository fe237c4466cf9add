namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>What the API may show of a credential: never its data.</summary>
[GenerateSerializer, Immutable, Alias("wf.CredentialInfo")]
public sealed record CredentialInfo
{
    /// <summary>Gets the credential id.</summary>
    [Id(0)] public Guid Id { get; init; }

    /// <summary>Gets the name, unique per tenant (ignoring case).</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>Gets the type: basic, bearer, apiKey, oauth2ClientCredentials, smtp or database.</summary>
    [Id(2)] public string Type { get; init; } = "";

    /// <summary>Gets when the credential was created.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the credential was last changed.</summary>
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }
}
