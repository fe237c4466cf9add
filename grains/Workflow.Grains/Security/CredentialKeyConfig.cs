namespace Workflow.Grains.Security;

/// <summary>One configured credential key (see <see cref="CredentialKeyOptions.Keys"/>).</summary>
public sealed class CredentialKeyConfig
{
    /// <summary>Gets or sets the key id: 1 to 64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the key as base64 of exactly 32 random bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Gets or sets a value indicating whether new ciphertexts use this key; exactly one key is active.</summary>
    public bool Active { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"CredentialKeyConfig {Id}";
}
