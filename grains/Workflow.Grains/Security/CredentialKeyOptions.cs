namespace Workflow.Grains.Security;

/// <summary>
/// Where the credential encryption keys come from (section <c>Workflow:Credentials</c>). By default a key is
/// generated on first use into <c>{DataDirectory}/keys/credential-keys.json</c> (mode 600) and rotation adds keys
/// to that file. When <see cref="Keys"/> is set, the keys come from configuration only: the file is not used and
/// rotation is a configuration change (add a key, mark it active, keep the old ones).
/// </summary>
public sealed class CredentialKeyOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Workflow:Credentials";

    /// <summary>
    /// Gets or sets the key file. Default: <c>keys/credential-keys.json</c> under the SQLite data directory. In a
    /// cluster every silo must read the same keys: point this at shared storage, or configure <see cref="Keys"/>.
    /// </summary>
    public string? KeysFile { get; set; }

    /// <summary>
    /// Gets or sets keys given by configuration (<c>Workflow:Credentials:Keys:0:Id</c>, <c>:Key</c> as base64 of 32
    /// bytes, <c>:Active</c>); exactly one active. Empty (the default) means the key file is used.
    /// </summary>
    public List<CredentialKeyConfig> Keys { get; set; } = [];
}
