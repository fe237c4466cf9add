using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Audit;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Hosting;

/// <summary>Wires the embedded SQLite storage (grain state, reminders, execution history) into a silo.</summary>
public static class SiloBuilderSqliteStorageExtensions
{
    /// <summary>The grain storage name used by the workflow grains (<c>[PersistentState("…", "workflow")]</c>).</summary>
    public const string WorkflowStorageName = "workflow";

    /// <summary>
    /// Stores everything durable in <c>workflow.db</c> under <paramref name="dataDirectory"/>: SQLite grain storage
    /// as the default provider and as <c>workflow</c> and <c>PubSubStore</c>, the reminder service with a SQLite
    /// reminder table, <see cref="IExecutionHistoryStore"/> and the <see cref="IAuditLog"/> (table <c>audit_log</c>), and
    /// the credential keys (<see cref="SiloBuilderCredentialsExtensions.AddWorkflowCredentials(IServiceCollection)"/>,
    /// kept under <c>keys/</c> of the same directory). Calling it again only applies the new directory.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="dataDirectory">The directory of the database file; created when missing.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddWorkflowSqliteStorage(this ISiloBuilder builder, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return builder.AddWorkflowSqliteStorage(options => options.DataDirectory = dataDirectory);
    }

    /// <summary>
    /// Adds the embedded SQLite storage configured from <see cref="SqliteStorageOptions.SectionName"/> and then
    /// <paramref name="configure"/>; see <see cref="AddWorkflowSqliteStorage(ISiloBuilder, string)"/>.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding; null keeps them.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddWorkflowSqliteStorage(this ISiloBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWorkflowSqliteStorage(configure);
        return builder;
    }

    /// <summary>Registers the embedded SQLite storage in a silo's service collection; idempotent.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configure">Adjusts the options after configuration binding; null keeps them.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddWorkflowSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var alreadyAdded = services.Any(service => service.ServiceType == typeof(SqliteDatabase));
        var options = services.AddOptions<SqliteStorageOptions>();
        if (!alreadyAdded)
        {
            options
                .Configure<IServiceProvider>(static (settings, provider) =>
                    provider.GetService<IConfiguration>()?.GetSection(SqliteStorageOptions.SectionName).Bind(settings))
                .ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (alreadyAdded)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.AddSingleton<SqliteDatabase>();

        services.AddSingleton<SqliteGrainStorage>();
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, WorkflowStorageName, ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME })
        {
            services.AddGrainStorage(name, static (provider, _) => provider.GetRequiredService<SqliteGrainStorage>());
        }

        services.AddReminders();
        services.AddSingleton<SqliteReminderTable>();
        services.AddSingleton<IReminderTable>(static provider => provider.GetRequiredService<SqliteReminderTable>());

        services.AddSingleton<SqliteExecutionHistoryStore>();
        services.AddSingleton<IExecutionHistoryStore>(static provider => provider.GetRequiredService<SqliteExecutionHistoryStore>());
        services.AddSingleton<IExecutionStatsStore>(static provider => provider.GetRequiredService<SqliteExecutionHistoryStore>());

        services.AddSingleton<SqliteAuditLog>();
        services.AddSingleton<IAuditLog>(static provider => provider.GetRequiredService<SqliteAuditLog>());
        services.AddWorkflowCredentials();
        return services;
    }
}
