namespace Workflow.Core.Security;

/// <summary>
/// The credential types and the secret fields each one holds. A field marked optional may be left out; every
/// other member of a credential's data is refused, so a misspelt field is an error rather than a lost secret.
/// </summary>
public static class CredentialTypes
{
    /// <summary><c>{username, password}</c>.</summary>
    public const string Basic = "basic";

    /// <summary><c>{token}</c>.</summary>
    public const string Bearer = "bearer";

    /// <summary><c>{header?, value}</c>; the header defaults to the node's choice (e.g. <c>X-Api-Key</c>).</summary>
    public const string ApiKey = "apiKey";

    /// <summary><c>{tokenUrl, clientId, clientSecret, scope?}</c>.</summary>
    public const string OAuth2ClientCredentials = "oauth2ClientCredentials";

    /// <summary><c>{host, port, username?, password?, useTls?}</c>.</summary>
    public const string Smtp = "smtp";

    /// <summary><c>{provider, connectionString}</c>; provider <c>Sqlite</c> or <c>Postgres</c>.</summary>
    public const string Database = "database";

    private static readonly Dictionary<string, CredentialField[]> Schemas = new(StringComparer.OrdinalIgnoreCase)
    {
        [Basic] = [new("username", CredentialFieldKind.Text, true), new("password", CredentialFieldKind.Text, true)],
        [Bearer] = [new("token", CredentialFieldKind.Text, true)],
        [ApiKey] = [new("header", CredentialFieldKind.HeaderName, false), new("value", CredentialFieldKind.Text, true)],
        [OAuth2ClientCredentials] =
        [
            new("tokenUrl", CredentialFieldKind.HttpUrl, true),
            new("clientId", CredentialFieldKind.Text, true),
            new("clientSecret", CredentialFieldKind.Text, true),
            new("scope", CredentialFieldKind.Text, false),
        ],
        [Smtp] =
        [
            new("host", CredentialFieldKind.Text, true),
            new("port", CredentialFieldKind.Port, true),
            new("username", CredentialFieldKind.Text, false),
            new("password", CredentialFieldKind.Text, false),
            new("useTls", CredentialFieldKind.Boolean, false),
        ],
        [Database] = [new("provider", CredentialFieldKind.DatabaseProvider, true), new("connectionString", CredentialFieldKind.Text, true)],
    };

    private static readonly string[] Names = [Basic, Bearer, ApiKey, OAuth2ClientCredentials, Smtp, Database];

    /// <summary>Gets every type name, in their canonical spelling.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>Finds a type by name, ignoring case.</summary>
    /// <param name="type">The requested type.</param>
    /// <param name="canonical">The canonical spelling, when known.</param>
    /// <returns>True when the type exists.</returns>
    public static bool TryNormalize(string? type, out string canonical)
    {
        canonical = Names.FirstOrDefault(name => string.Equals(name, type, StringComparison.OrdinalIgnoreCase)) ?? "";
        return canonical.Length > 0;
    }

    /// <summary>The fields of a known type.</summary>
    internal static IReadOnlyList<CredentialField> FieldsOf(string type) => Schemas[type];
}
