using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Security;

/// <summary>Log messages of <see cref="CredentialKeyRingProvider"/>. Key ids only, never key material.</summary>
public sealed partial class CredentialKeyRingProvider
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the first credential encryption key {KeyId} into {Path}; back this file up with the database")]
    private partial void LogGenerated(string keyId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} credential encryption keys (active {KeyId}) from {Source}")]
    private partial void LogLoaded(int count, string keyId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The credential key file {Path} was readable by other users; narrowed it to mode 600")]
    private partial void LogNarrowed(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotated the credential encryption key: {KeyId} is active, {PreviousKeyId} stays for reading")]
    private partial void LogRotated(string keyId, string previousKeyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the credential key file {Path} again; keeping the keys already loaded")]
    private partial void LogRefreshFailed(Exception error, string path);
}
