using Microsoft.Extensions.Options;

namespace Workflow.Api.Auth;

/// <summary>Refuses to start with a weak or malformed auth configuration.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && SigningKeyStore.Decode(options.SigningKey) is null)
        {
            errors.Add($"{AuthOptions.SectionName}:SigningKey must be base64 of at least {SigningKeyStore.MinKeyBytes} bytes.");
        }
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{AuthOptions.SectionName}:Issuer and :Audience must not be empty.");
        }
        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromDays(7))
        {
            errors.Add($"{AuthOptions.SectionName}:TokenLifetime must be between 1 minute and 7 days.");
        }
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{AuthOptions.SectionName}:ClockSkew must be between 0 and 5 minutes.");
        }
        if (options.PasswordIterations is < PasswordHasher.MinIterations or > PasswordHasher.MaxIterations)
        {
            errors.Add($"{AuthOptions.SectionName}:PasswordIterations must be between {PasswordHasher.MinIterations:N0} and {PasswordHasher.MaxIterations:N0}.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
