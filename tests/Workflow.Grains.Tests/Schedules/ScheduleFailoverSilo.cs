using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Executions;
using Workflow.Grains.Hosting;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Live;
using Workflow.Grains.Triggers;
using Workflow.Grains.Triggers.Schedules;

namespace Workflow.Grains.Tests.Schedules;

/// <summary>
/// One silo of the failover cluster, wired like <c>Workflow.Silo</c>: grain state, reminders and execution history in
/// the one SQLite file every silo of the cluster opens (WAL, busy timeout), schedule triggers, execution recovery.
/// Only the failure detection is shortened, so that a killed silo is declared dead long before the next reminder tick,
/// and the workflow grains write through <see cref="CrashableGrainStorage"/>, so that a kill can lose a write.
/// </summary>
public static class ScheduleFailoverSilo
{
    public static void Configure(ISiloBuilder silo, string siloName, string dataDirectory, ScheduleLogSink log)
    {
        silo.AddWorkflowSqliteStorage(dataDirectory);
        silo.AddScheduleTriggers();
        silo.AddStartupTask((services, cancellationToken) => services.GetRequiredService<ExecutionRecovery>().RunAsync(cancellationToken));
        silo.AddMemoryStreams(ExecutionEventStreams.ProviderName);
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(2);
            options.NumMissedProbesLimit = 3;
        });

        var services = silo.Services;
        LiveSiloConfigurator.AddExecutions(services);
        services.AddSingleton<ISubworkflowStarter, SubworkflowStarter>();
        services.AddSingleton<TriggerSync>();
        services.AddSingleton<ExecutionRecovery>();

        // Registered after the SQLite storage, so the workflow grains get it (the last keyed registration wins).
        services.AddSingleton(sp => new CrashableGrainStorage(sp.GetRequiredService<SqliteGrainStorage>()));
        services.AddKeyedSingleton<IGrainStorage>(SiloBuilderSqliteStorageExtensions.WorkflowStorageName,
            static (sp, _) => sp.GetRequiredService<CrashableGrainStorage>());

        // Activations spread over the silos at random, like a real cluster (not all on the silo that was called).
        services.AddSingleton<PlacementStrategy, RandomPlacement>();
        services.AddLogging(logging => logging.AddProvider(log.ProviderFor(siloName)));
    }
}
