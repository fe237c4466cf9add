using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions.History;
using Workflow.Grains.Abstractions.Live;
using Workflow.Grains.Executions;
using Workflow.Nodes;

namespace Workflow.Grains.Tests.Live;

/// <summary>A silo that runs executions from memory storage, with random placement so they spread over the silos.</summary>
public sealed class LiveSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage("workflow");
        siloBuilder.AddMemoryGrainStorage("PubSubStore");
        siloBuilder.AddMemoryStreams(ExecutionEventStreams.ProviderName);
        siloBuilder.UseInMemoryReminderService();
        AddExecutions(siloBuilder.Services);
        siloBuilder.Services.AddSingleton<IExecutionHistoryStore, NullHistoryStore>();
        siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
    }

    /// <summary>What execution grains need besides storage, history and placement.</summary>
    public static void AddExecutions(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NodeCatalog.CreateRegistry());
        services.AddSingleton<IExpressionEvaluator>(_ => new JintExpressionEvaluator(new SandboxOptions()));
        services.AddSingleton(sp => new ExecutionServices(
            sp.GetRequiredService<NodeRegistry>(), sp.GetRequiredService<IExpressionEvaluator>(), sp.GetRequiredService<TimeProvider>(), sp));
        services.AddSingleton<PinnedWorkflowCache>();
        services.AddSingleton<ExecutionLauncher>();
        services.AddSingleton<ExecutionGrains>();
        services.AddSingleton<WatchLeaseCache>();
    }
}
