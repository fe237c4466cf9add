namespace Workflow.Core.Security;

/// <summary>How a credential data field is checked.</summary>
internal enum CredentialFieldKind
{
    /// <summary>A non-empty string.</summary>
    Text,

    /// <summary>An HTTP header name (an RFC 9110 token).</summary>
    HeaderName,

    /// <summary>An absolute http or https URL.</summary>
    HttpUrl,

    /// <summary>An integer from 1 to 65535.</summary>
    Port,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, any case; stored in that spelling.</summary>
    DatabaseProvider,
}
