namespace Workflow.Grains.Credentials;

/// <summary>
/// A credential's decrypted data for a node executor, or why it could not be read (<c>not_found</c>,
/// <c>decryption_failed</c>). <see cref="ToString"/> leaves the data out so that it is never logged.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.CredentialSecret")]
public sealed record CredentialSecret
{
    /// <summary>Gets the credential type on success.</summary>
    [Id(0)] public string? Type { get; init; }

    /// <summary>Gets the decrypted data object as JSON on success (secret).</summary>
    [Id(1)] public string? DataJson { get; init; }

    /// <summary>Gets the error code on failure.</summary>
    [Id(2)] public string? ErrorCode { get; init; }

    /// <summary>Gets a message for people on failure; never contains a secret.</summary>
    [Id(3)] public string? ErrorMessage { get; init; }

    /// <summary>Gets a value indicating whether the data was read.</summary>
    public bool Ok => ErrorCode is null && DataJson is not null;

    /// <summary>A failure.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The failed secret.</returns>
    public static CredentialSecret Error(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };

    /// <inheritdoc />
    public override string ToString() => Ok ? $"CredentialSecret {{ Type = {Type} }}" : $"CredentialSecret {{ ErrorCode = {ErrorCode} }}";
}
