using Microsoft.Extensions.Logging;

namespace Workflow.Api.Auth;

public sealed partial class SigningKeyStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Generated a new JWT signing key in {Path}")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The JWT signing key file {Path} is readable by other users; restrict it with chmod 600")]
    private static partial void LogReadableByOthers(ILogger logger, string path);
}
