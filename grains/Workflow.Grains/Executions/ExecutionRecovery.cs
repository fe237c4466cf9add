using Microsoft.Extensions.Logging;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Executions;

/// <summary>
/// At silo start, reactivates every execution whose last checkpoint is not terminal (running, waiting, delayed,
/// backing off), so work interrupted by a crash continues from that checkpoint.
/// </summary>
public sealed partial class ExecutionRecovery(SqliteGrainStorage storage, IGrainFactory grains, ILogger<ExecutionRecovery> logger)
{
    public const string GrainType = ExecutionGrains.GrainTypeName;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var keys = await storage.ListRecoverableAsync(GrainType, cancellationToken);
        LogRecovering(logger, keys.Count);
        foreach (var batch in keys.Chunk(256))
        {
            await Task.WhenAll(batch.Select(key => grains.GetGrain<IExecutionGrain>(key).RecoverAsync()));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} unfinished executions")]
    private static partial void LogRecovering(ILogger logger, int count);
}
