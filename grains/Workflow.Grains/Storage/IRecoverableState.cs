namespace Workflow.Grains.Storage;

/// <summary>
/// Implemented by grain state that must be resumed after a crash. <see cref="SqliteGrainStorage"/> stores
/// <see cref="NeedsRecovery"/> next to the state so that a startup task can find the grains to reactivate with
/// <see cref="SqliteGrainStorage.ListRecoverableAsync"/> without deserializing every row.
/// </summary>
public interface IRecoverableState
{
    /// <summary>Gets a value indicating whether the owning grain has unfinished work (for example a running execution).</summary>
    bool NeedsRecovery { get; }
}
