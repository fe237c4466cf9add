namespace Workflow.Grains.Tests.Storage;

/// <summary>A grain exercising the SQLite providers through a real silo.</summary>
public interface ISqliteProbeGrain : IGrainWithStringKey
{
    Task SaveAsync(string value, bool running);

    Task<string?> LoadAsync();

    Task RegisterReminderAsync(string name);
}
