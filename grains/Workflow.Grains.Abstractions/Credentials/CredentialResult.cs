namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>
/// The credential after a change, or an error code: <c>invalid_credential</c>, <c>name_conflict</c>,
/// <c>not_found</c>, <c>already_exists</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("wf.CredentialResult")]
public sealed record CredentialResult
{
    /// <summary>Gets the stored credential's metadata on success.</summary>
    [Id(0)] public CredentialInfo? Credential { get; init; }

    /// <summary>Gets the error code on failure.</summary>
    [Id(1)] public string? ErrorCode { get; init; }

    /// <summary>Gets a message for people; never contains a secret value.</summary>
    [Id(2)] public string? ErrorMessage { get; init; }

    /// <summary>Gets a value indicating whether the change was made.</summary>
    public bool Ok => ErrorCode is null;

    /// <summary>A successful result.</summary>
    /// <param name="credential">The stored credential.</param>
    /// <returns>The result.</returns>
    public static CredentialResult Success(CredentialInfo credential) => new() { Credential = credential };

    /// <summary>A failed result.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The result.</returns>
    public static CredentialResult Error(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
