namespace Workflow.Api.Auth;

/// <summary>Sign-in and token settings (<c>Workflow:Auth</c>, DESIGN §6–7).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Workflow:Auth";

    /// <summary>
    /// The HMAC-SHA256 signing key, base64, at least 32 bytes. Empty: a key is generated on first start into
    /// <c>{Workflow:DataDirectory}/keys/jwt-signing.key</c> and reused after restarts. Set it in a cluster so every
    /// silo accepts every silo's tokens.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> of issued tokens, and the only one accepted.</summary>
    public string Issuer { get; set; } = "workflow";

    /// <summary>The <c>aud</c> of issued tokens, and the only one accepted.</summary>
    public string Audience { get; set; } = "workflow-api";

    /// <summary>How long an access token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PBKDF2-HMAC-SHA256 iterations for new password hashes (at least 100,000; OWASP suggests 600,000).</summary>
    public int PasswordIterations { get; set; } = 600_000;
}
