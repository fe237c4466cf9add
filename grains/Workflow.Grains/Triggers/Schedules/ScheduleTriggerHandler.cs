using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Grains.Abstractions.Triggers.Schedules;

namespace Workflow.Grains.Triggers.Schedules;

/// <summary>Starts and stops the <see cref="IScheduleTriggerGrain"/> of each <c>schedule</c> trigger node.</summary>
public sealed partial class ScheduleTriggerHandler(IGrainFactory grains, ILogger<ScheduleTriggerHandler> logger) : ITriggerHandler
{
    public string Kind => "schedule";

    public async Task ActivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var config = registration.Config;
        var view = await Grain(registration).StartAsync(new ScheduleRegistration
        {
            WorkflowVersion = registration.Version,
            Cron = Text(config, "cron"),
            Timezone = Text(config, "timezone"),
            StartAt = Text(config, "startAt"),
            EndAt = Text(config, "endAt"),
            Misfire = Text(config, "misfire"),
        });
        if (view.Error is not null)
        {
            LogRefused(logger, registration.WorkflowId, registration.NodeId, view.Error);
        }
    }

    public Task DeactivateAsync(TriggerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Grain(registration).StopAsync();
    }

    private IScheduleTriggerGrain Grain(TriggerRegistration r) =>
        grains.GetGrain<IScheduleTriggerGrain>(ScheduleTriggerKeys.For(r.Tenant, r.WorkflowId, r.NodeId));

    private static string? Text(JsonObject config, string key) => config[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule trigger {NodeId} of workflow {WorkflowId} is not valid and will not fire: {Error}")]
    private static partial void LogRefused(ILogger logger, Guid workflowId, string nodeId, string error);
}
