using Microsoft.Extensions.Logging;
using Workflow.Core.Execution;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Executions;

/// <summary>Durable wake-ups: grain timers for what is due soon, a reminder for long waits.</summary>
public sealed partial class ExecutionGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.NeedsRecovery)
        {
            state.State.HasWakeReminder = true; // it fired, so it exists whatever the flag says
            await UnregisterWakeReminderAsync();
            return;
        }
        Load();
        Drive();
    }

    private async Task ScheduleWakeAsync(DateTimeOffset wake)
    {
        var due = wake - services.Time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }
        _timer = this.RegisterGrainTimer(static (grain, _) => { grain.Drive(); return Task.CompletedTask; }, this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        if (due >= ReminderThreshold)
        {
            // Long waits survive deactivation and restarts through a reminder; short ones through the recovery task.
            await this.RegisterOrUpdateReminder(WakeReminder, due, ReminderThreshold);
            if (!state.State.HasWakeReminder)
            {
                state.State.HasWakeReminder = true;
                await state.WriteStateAsync();
            }
        }
    }

    private async Task UnregisterWakeReminderAsync()
    {
        if (!state.State.HasWakeReminder)
        {
            return;
        }
        var reminder = await this.GetReminder(WakeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        state.State.HasWakeReminder = false;
        await state.WriteStateAsync();
    }
}
