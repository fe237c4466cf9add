using Microsoft.Extensions.Logging;
using Workflow.Grains.Abstractions.Triggers.Schedules;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Triggers.Schedules;

/// <summary>
/// At silo start, wakes every started schedule so that instants missed while down are handled by the misfire policy
/// right away instead of at the next reminder tick (up to a minute later).
/// </summary>
public sealed partial class ScheduleRecovery(SqliteGrainStorage storage, IGrainFactory grains, ILogger<ScheduleRecovery> logger)
{
    public const string GrainType = "schedule-trigger";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var keys = await storage.ListRecoverableAsync(GrainType, cancellationToken);
        LogRecovering(logger, keys.Count);
        foreach (var batch in keys.Chunk(256))
        {
            await Task.WhenAll(batch.Select(key => grains.GetGrain<IScheduleTriggerGrain>(key).RecoverAsync()));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waking {Count} schedule triggers")]
    private static partial void LogRecovering(ILogger logger, int count);
}
