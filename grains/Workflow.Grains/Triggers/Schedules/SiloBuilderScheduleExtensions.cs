using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Grains.Triggers.Schedules;

/// <summary>Wires schedule triggers into a silo.</summary>
public static class SiloBuilderScheduleExtensions
{
    /// <summary>
    /// Registers the <c>schedule</c> <see cref="ITriggerHandler"/> and a startup task that wakes started schedules
    /// after a restart. Needs the SQLite storage and an <c>ExecutionLauncher</c>; idempotent.
    /// </summary>
    public static ISiloBuilder AddScheduleTriggers(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(ScheduleRecovery)))
        {
            return builder;
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerHandler, ScheduleTriggerHandler>());
        builder.Services.AddSingleton<ScheduleRecovery>();
        builder.AddStartupTask((services, cancellationToken) => services.GetRequiredService<ScheduleRecovery>().RunAsync(cancellationToken));
        return builder;
    }
}
