using System.Text.RegularExpressions;

namespace Workflow.Api.Auth;

/// <summary>The shapes of tenant names, usernames and passwords, with the problem code of each violation.</summary>
public static partial class IdentityNames
{
    public const int MinPasswordLength = 8;

    /// <summary>Long enough for any passphrase, short enough to keep the KDF cheap to call.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Lowercase letters, digits and <c>-</c>, 1–63 characters, starting with a letter or digit.</summary>
    public static bool IsTenant(string? name) => name is not null && TenantPattern().IsMatch(name);

    /// <summary>Lowercase letters, digits and <c>-._@</c>, 1–64 characters, starting with a letter or digit.</summary>
    public static bool IsUsername(string? name) => name is not null && UsernamePattern().IsMatch(name);

    /// <summary>The reason <paramref name="password"/> is refused, or null when it is acceptable.</summary>
    public static string? PasswordProblem(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < MinPasswordLength } => $"The password must have at least {MinPasswordLength} characters.",
        { Length: > MaxPasswordLength } => $"The password must have at most {MaxPasswordLength} characters.",
        _ when string.IsNullOrWhiteSpace(password) => "The password must not be only spaces.",
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
