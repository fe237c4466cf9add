using Orleans.Configuration;
using Orleans.Dashboard;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Api.Auth;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;
using Workflow.Core.Validation;
using Workflow.Grains.Executions;
using Workflow.Grains.Hosting;
using Workflow.Grains.Triggers;
using Workflow.Grains.Triggers.Schedules;
using Workflow.Nodes;

namespace Workflow.Silo.Hosting;

/// <summary>Wires the Orleans silo, its storage and the engine services into the web host.</summary>
public static class SiloHostingExtensions
{
    private const string DefaultUrl = "http://localhost:8080";

    public static WebApplicationBuilder AddWorkflowSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var options = configuration.GetSection(WorkflowOptions.SectionName).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions());
        builder.Services.AddSingleton(configuration.GetSection(WorkflowLimits.SectionName).Get<WorkflowLimits>() ?? new WorkflowLimits());
        builder.Services.AddSingleton(_ => NodeCatalog.CreateRegistry());
        builder.Services.AddSingleton<IExpressionEvaluator>(sp => new JintExpressionEvaluator(sp.GetRequiredService<SandboxOptions>()));
        builder.Services.AddSingleton<WorkflowValidator>();
        var maxOutputBytes = configuration.GetValue("Workflow:Limits:MaxOutputBytes", 4 * 1024 * 1024);
        var pipelineCheckpoints = configuration.GetValue("Workflow:Execution:PipelineCheckpoints", false);
        builder.Services.AddSingleton(sp => new ExecutionServices(
            sp.GetRequiredService<NodeRegistry>(), sp.GetRequiredService<IExpressionEvaluator>(), sp.GetRequiredService<TimeProvider>(), sp)
        {
            MaxOutputBytes = maxOutputBytes,
            PipelineCheckpoints = pipelineCheckpoints,
        });
        builder.Services.AddSingleton<PinnedWorkflowCache>();
        builder.Services.AddSingleton<Workflow.Grains.Abstractions.Live.WatchLeaseCache>();
        builder.Services.AddSingleton<ExecutionLauncher>();
        builder.Services.AddSingleton<ExecutionGrains>();
        builder.Services.AddSingleton<ISubworkflowStarter, SubworkflowStarter>();
        builder.Services.AddSingleton<TriggerSync>();
        builder.Services.AddSingleton<ITriggerHandler, Workflow.Grains.Triggers.Events.EventTriggerHandler>();
        builder.Services.AddSingleton<ExecutionRecovery>();
        builder.Services.AddSingleton<Workflow.Grains.Abstractions.Triggers.Webhooks.WebhookRouteCache>();
        builder.Services.AddSingleton<ITriggerHandler, Workflow.Grains.Triggers.Webhooks.WebhookTriggerHandler>();
        builder.Services.AddWorkflowAuth(configuration, dataDirectory);
        builder.Services.AddWorkflowDesigner();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: configuration.GetValue("Orleans:SiloPort", 11111),
                gatewayPort: configuration.GetValue("Orleans:GatewayPort", 30000),
                serviceId: configuration.GetValue("Orleans:ServiceId", "workflow")!,
                clusterId: configuration.GetValue("Orleans:ClusterId", "workflow")!);
            silo.AddWorkflowSqliteStorage(dataDirectory);
            // The directory cache remembers where grains live; most grains here are executions that live for
            // milliseconds, so the default of a million entries only held memory (9 MB of cache table alone after
            // 100,000 webhook runs, gcdump). Ten thousand covers the long-lived grains.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = 10_000);
            silo.AddScheduleTriggers();
            silo.AddStartupTask((services, cancellationToken) => services.GetRequiredService<ExecutionRecovery>().RunAsync(cancellationToken));
            silo.AddStartupTask((services, cancellationToken) => services.GetRequiredService<AdminBootstrap>().RunAsync(cancellationToken));
            silo.AddMemoryStreams(Workflow.Grains.Triggers.Events.EventStreams.ProviderName);
            silo.AddDashboard();
        });
        return builder;
    }

    /// <summary>
    /// Maps the Orleans dashboard at <c>/dashboard</c>, built on its first request: mapping it reads every embedded
    /// asset of the dashboard into memory and gzips it (a 13 MB script among them, ~17 MB of arrays plus the LOH
    /// garbage of growing them, gcdump), which a silo nobody watches through the dashboard should not hold.
    /// </summary>
    public static WebApplication MapWorkflowOps(this WebApplication app)
    {
        const string prefix = "/dashboard";
        var dashboard = new Lazy<RequestDelegate>(() => BuildDashboard(app.Services, prefix));
        // One catch-all route (it matches /dashboard itself too) without metadata: the API's fallback policy (signed
        // in) guards it as it guarded the dashboard's own routes; the branch does its own routing.
        app.Map(prefix + "/{**rest}", context =>
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            return dashboard.Value(context);
        });
        return app;
    }

    private static RequestDelegate BuildDashboard(IServiceProvider services, string prefix)
    {
        var branch = new ApplicationBuilder(services);
        branch.UseRouting();
        branch.UseEndpoints(endpoints => endpoints.MapOrleansDashboard(routePrefix: prefix));
        return branch.Build();
    }
}
