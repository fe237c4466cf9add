using Workflow.Grains.Hosting;

namespace Workflow.Grains.Tests.Storage;

/// <summary>Stores a value in the <c>workflow</c> storage and registers reminders.</summary>
[GrainType(TypeName)]
public sealed class SqliteProbeGrain(
    [PersistentState("probe", SiloBuilderSqliteStorageExtensions.WorkflowStorageName)] IPersistentState<SqliteProbeState> state)
    : Grain, ISqliteProbeGrain, IRemindable
{
    public const string TypeName = "sqlite-probe";

    public async Task SaveAsync(string value, bool running)
    {
        state.State.Value = value;
        state.State.Running = running;
        state.State.Extra["length"] = value.Length;
        await state.WriteStateAsync();
    }

    public Task<string?> LoadAsync() => Task.FromResult(state.State.Value);

    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
