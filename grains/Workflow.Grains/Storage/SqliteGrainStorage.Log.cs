using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Storage;

/// <summary>Log messages of <see cref="SqliteGrainStorage"/>.</summary>
public sealed partial class SqliteGrainStorage
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "ETag conflict on state {StateName} of grain {GrainId}: stored {StoredETag}, expected {ExpectedETag}")]
    private partial void LogETagConflict(string stateName, GrainId grainId, string? storedETag, string? expectedETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored state {StateName} of grain {GrainId} cannot be read as {StateType}")]
    private partial void LogUnreadableState(Exception error, string stateName, GrainId grainId, Type stateType);
}
