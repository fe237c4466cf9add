using Microsoft.Extensions.Logging;
using Workflow.Core.Security;

namespace Workflow.Grains.Credentials;

/// <summary>Log messages of <see cref="CredentialGrain"/>: ids and key ids, never data.</summary>
public sealed partial class CredentialGrain
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Credential {CredentialId} of tenant {Tenant} could not be decrypted ({Reason}, key {KeyId})")]
    private partial void LogDecryptionFailed(string tenant, string credentialId, CredentialCipherError reason, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted credential {CredentialId} of tenant {Tenant} from key {OldKeyId} to {NewKeyId}")]
    private partial void LogReencrypted(string tenant, string credentialId, string oldKeyId, string newKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store credential {CredentialId} of tenant {Tenant} under the active key; it stays under its old key")]
    private partial void LogReencryptFailed(Exception error, string tenant, string credentialId);
}
