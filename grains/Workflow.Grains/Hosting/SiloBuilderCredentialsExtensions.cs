using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Security;

namespace Workflow.Grains.Hosting;

/// <summary>Wires the credential encryption keys (<see cref="CredentialKeyRingProvider"/>) into a silo.</summary>
public static class SiloBuilderCredentialsExtensions
{
    /// <summary>
    /// Adds the credential key ring configured from <see cref="CredentialKeyOptions.SectionName"/> and
    /// <see cref="ICredentialKeyAdmin"/>; idempotent. The key file defaults to the SQLite data directory, so the
    /// SQLite storage options must be registered too (<see cref="SiloBuilderSqliteStorageExtensions"/> does both).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddWorkflowCredentials(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWorkflowCredentials();
        return builder;
    }

    /// <summary>Registers the credential key ring in a silo's service collection; idempotent.</summary>
    /// <param name="services">The silo's services.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddWorkflowCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(service => service.ServiceType == typeof(CredentialKeyRingProvider)))
        {
            return services;
        }

        services.AddOptions<CredentialKeyOptions>()
            .Configure<IServiceProvider>(static (settings, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(CredentialKeyOptions.SectionName).Bind(settings))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialKeyOptions>, CredentialKeyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialKeyRingProvider>();
        services.AddSingleton<ICredentialKeyAdmin>(static provider => provider.GetRequiredService<CredentialKeyRingProvider>());
        return services;
    }
}
