using Orleans.Concurrency;

namespace Workflow.Grains.Abstractions.Triggers.Schedules;

/// <summary>
/// One schedule trigger node of one workflow (key from <see cref="ScheduleTriggerKeys.For"/>): fires the workflow
/// once per cron instant while it is started, and survives restarts through its persisted state and a reminder.
/// </summary>
[Alias("wf.IScheduleTriggerGrain")]
public interface IScheduleTriggerGrain : IGrainWithStringKey
{
    /// <summary>Starts (or updates) the schedule; an invalid config leaves it in status <c>error</c>.</summary>
    [Alias("Start")]
    Task<ScheduleTriggerView> StartAsync(ScheduleRegistration registration);

    /// <summary>Stops firing and drops the reminder; the last fire time is kept.</summary>
    [Alias("Stop")]
    Task StopAsync();

    /// <summary>Status, next and last fire times.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ScheduleTriggerView> GetAsync();

    /// <summary>Makes sure a started schedule is armed (used at silo start).</summary>
    [Alias("Recover")]
    Task RecoverAsync();
}
