namespace Workflow.Grains.Abstractions.Credentials;

/// <summary>The outcome of <see cref="ICredentialKeyAdmin.RotateKeyAsync"/>: the new active key id, or an error code.</summary>
/// <param name="KeyId">The new active key id; null on failure.</param>
/// <param name="PreviousKeyId">The key id that was active before.</param>
/// <param name="ErrorCode">Null on success; <c>keys_configured</c> when keys are read-only configuration.</param>
/// <param name="ErrorMessage">A message for people.</param>
public sealed record CredentialKeyRotation(string? KeyId, string PreviousKeyId, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>Gets a value indicating whether a new key is active.</summary>
    public bool Ok => ErrorCode is null && KeyId is not null;
}
