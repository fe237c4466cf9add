using Microsoft.Extensions.Logging;

namespace Workflow.Api.Auth;

public sealed partial class AdminBootstrap
{
    [LoggerMessage(Level = LogLevel.Information, Message = "JWT signing key {KeyId} loaded")]
    private static partial void LogSigningKey(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created tenant {Tenant} with user {Username}; password: {Source}")]
    private static partial void LogCreated(ILogger logger, string tenant, string username, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Variable} is shorter than the password policy asks for; it is used as given")]
    private static partial void LogWeakPassword(ILogger logger, string variable);
}
