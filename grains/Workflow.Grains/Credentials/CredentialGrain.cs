using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Core.Security;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Security;

namespace Workflow.Grains.Credentials;

/// <summary>
/// One credential of one tenant (key <c>{tenant}/{credentialId:N}</c>). Its data is validated for its type, then
/// kept only as an AES-GCM envelope bound to the tenant and id; <see cref="ICredentialGrain"/> answers metadata
/// only, and <see cref="ICredentialSecretGrain"/> decrypts for node executors.
/// </summary>
[GrainType("credential")]
public sealed partial class CredentialGrain(
    [PersistentState("credential", "workflow")] IPersistentState<CredentialState> state,
    CredentialKeyRingProvider keys,
    TimeProvider time,
    ILogger<CredentialGrain> logger) : Grain, ICredentialGrain, ICredentialSecretGrain
{
    private const int MaxNameLength = 200;
    private readonly ILogger<CredentialGrain> _logger = logger;

    private (string Tenant, string Id) Key => GrainKeys.Split(this.GetPrimaryKeyString());

    private bool Exists => state.State.Envelope is not null;

    /// <inheritdoc />
    public async Task<CredentialResult> CreateAsync(CredentialInput input)
    {
        if (Exists)
        {
            return CredentialResult.Error("already_exists", "A credential with this id already exists.");
        }

        if (!Guid.TryParse(Key.Id, out var id))
        {
            return CredentialResult.Error("invalid_credential", "The credential id is not a GUID.");
        }

        var now = time.GetUtcNow();
        return await SaveAsync(input, new CredentialInfo { Id = id, CreatedAt = now, UpdatedAt = now }, isNew: true);
    }

    /// <inheritdoc />
    public async Task<CredentialResult> UpdateAsync(CredentialInput input) =>
        Exists
            ? await SaveAsync(input, Info() with { UpdatedAt = time.GetUtcNow() }, isNew: false)
            : CredentialResult.Error("not_found", "Credential not found.");

    /// <inheritdoc />
    public Task<CredentialInfo?> GetAsync() => Task.FromResult(Exists ? Info() : null);

    /// <inheritdoc />
    public async Task<bool> DeleteAsync()
    {
        if (!Exists)
        {
            return false;
        }

        await GrainFactory.GetGrain<ICredentialIndexGrain>(Key.Tenant).RemoveAsync(Info().Id);
        await state.ClearStateAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task<CredentialSecret> RevealAsync()
    {
        if (!Exists)
        {
            return CredentialSecret.Error("not_found", "Credential not found.");
        }

        var envelope = state.State.Envelope!;
        if (!TryDecrypt(envelope, out var plaintext, out var cipher))
        {
            return CredentialSecret.Error("decryption_failed", "The credential could not be decrypted.");
        }

        try
        {
            if (CredentialCipher.TryReadKeyId(envelope, out var keyId) && keyId != cipher.ActiveKeyId)
            {
                await MoveToActiveKeyAsync(cipher, plaintext, keyId);
            }

            return new CredentialSecret { Type = state.State.Type, DataJson = Encoding.UTF8.GetString(plaintext) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The credential id as bound into the ciphertext: the canonical "N" form of the GUID.</summary>
    private string BindingId => Guid.Parse(Key.Id).ToString("N");

    /// <summary>Decrypts with the current ring; a key this process does not know yet may be in the key file (rotated elsewhere).</summary>
    private bool TryDecrypt(string envelope, [NotNullWhen(true)] out byte[]? plaintext, out CredentialCipher cipher)
    {
        cipher = keys.Cipher;
        if (cipher.TryDecrypt(envelope, Key.Tenant, BindingId, out plaintext, out var error))
        {
            return true;
        }

        if (error == CredentialCipherError.UnknownKey && keys.Refresh())
        {
            cipher = keys.Cipher;
            if (cipher.TryDecrypt(envelope, Key.Tenant, BindingId, out plaintext, out error))
            {
                return true;
            }
        }

        CredentialCipher.TryReadKeyId(envelope, out var keyId);
        LogDecryptionFailed(Key.Tenant, Key.Id, error, keyId);
        return false;
    }

    /// <summary>Lazy migration after a rotation; a failed write leaves the old (still readable) ciphertext in place.</summary>
    private async Task MoveToActiveKeyAsync(CredentialCipher cipher, byte[] plaintext, string oldKeyId)
    {
        var old = state.State.Envelope;
        state.State.Envelope = cipher.Encrypt(plaintext, Key.Tenant, BindingId);
        try
        {
            await state.WriteStateAsync();
            LogReencrypted(Key.Tenant, Key.Id, oldKeyId, cipher.ActiveKeyId);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            state.State.Envelope = old;
            LogReencryptFailed(error, Key.Tenant, Key.Id);
        }
    }

    private CredentialInfo Info() => new()
    {
        Id = Guid.Parse(Key.Id),
        Name = state.State.Name ?? "",
        Type = state.State.Type ?? "",
        CreatedAt = state.State.CreatedAt,
        UpdatedAt = state.State.UpdatedAt,
    };

    private async Task<CredentialResult> SaveAsync(CredentialInput input, CredentialInfo info, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return CredentialResult.Error("invalid_credential", $"The name must be 1 to {MaxNameLength} characters without control characters.");
        }

        JsonNode? data;
        try
        {
            data = JsonNode.Parse(input.DataJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return CredentialResult.Error("invalid_credential", "The credential data is not valid JSON.");
        }

        var check = CredentialDataValidator.Validate(input.Type, data);
        if (!check.Valid)
        {
            return CredentialResult.Error("invalid_credential", check.Error!);
        }

        info = info with { Name = name, Type = check.Type };
        var index = GrainFactory.GetGrain<ICredentialIndexGrain>(Key.Tenant);
        if (!await index.UpsertAsync(info))
        {
            return CredentialResult.Error("name_conflict", $"Another credential is already named '{name}'.");
        }

        state.State.Name = info.Name;
        state.State.Type = info.Type;
        state.State.Envelope = keys.Cipher.Encrypt(Encoding.UTF8.GetBytes(check.DataJson!), Key.Tenant, BindingId);
        state.State.CreatedAt = info.CreatedAt;
        state.State.UpdatedAt = info.UpdatedAt;
        try
        {
            await state.WriteStateAsync();
        }
        catch when (isNew)
        {
            state.State = new CredentialState();
            await index.RemoveAsync(info.Id);
            throw;
        }

        return CredentialResult.Success(info);
    }
}
