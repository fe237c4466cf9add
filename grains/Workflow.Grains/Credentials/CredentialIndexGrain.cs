using Workflow.Grains.Abstractions.Credentials;

namespace Workflow.Grains.Credentials;

/// <summary>The credentials of one tenant: metadata for listing, and name uniqueness (ignoring case).</summary>
[GrainType("credentialindex")]
public sealed class CredentialIndexGrain(
    [PersistentState("index", "workflow")] IPersistentState<CredentialIndexState> state) : Grain, ICredentialIndexGrain
{
    /// <inheritdoc />
    public async Task<bool> UpsertAsync(CredentialInfo credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var clash = state.State.Items.Values.Any(c => c.Id != credential.Id &&
            string.Equals(c.Name, credential.Name, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            return false;
        }

        state.State.Items[credential.Id] = credential;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(Guid credentialId)
    {
        if (state.State.Items.Remove(credentialId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CredentialInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CredentialInfo>>(state.State.Items.Values
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id)
            .ToArray());
}
