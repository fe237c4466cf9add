using Microsoft.Extensions.DependencyInjection;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Audit;
using Workflow.Grains.Hosting;
using Workflow.Grains.Security;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Audit;

public sealed class AuditRegistrationTests : IDisposable
{
    private readonly SqliteTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddWorkflowSqliteStorage_CalledTwice_RegistersAuditLogAndKeyRingOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkflowSqliteStorage(o => o.DataDirectory = _directory.Path);
        services.AddWorkflowSqliteStorage(o => o.DataDirectory = _directory.Path);

        Assert.Single(services, d => d.ServiceType == typeof(IAuditLog));
        Assert.Single(services, d => d.ServiceType == typeof(CredentialKeyRingProvider));
        await using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<SqliteAuditLog>(), provider.GetRequiredService<IAuditLog>());
        Assert.Same(provider.GetRequiredService<CredentialKeyRingProvider>(), provider.GetRequiredService<ICredentialKeyAdmin>());
        Assert.True(File.Exists(Path.Combine(_directory.Path, "keys", "credential-keys.json")));
    }
}
