namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>
/// A credential as written by a client: name, type and the data JSON holding its secrets. <see cref="ToString"/>
/// leaves the data out so that the input can never be logged with its secrets.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.CredentialInput")]
public sealed record CredentialInput
{
    /// <summary>Gets the name, unique per tenant.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Gets the credential type.</summary>
    [Id(1)] public string Type { get; init; } = "";

    /// <summary>Gets the data object as JSON (secret).</summary>
    [Id(2)] public string DataJson { get; init; } = "{}";

    /// <inheritdoc />
    public override string ToString() => $"CredentialInput {{ Name = {Name}, Type = {Type} }}";
}
