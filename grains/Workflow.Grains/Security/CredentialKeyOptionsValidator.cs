using Microsoft.Extensions.Options;
using Workflow.Core.Security;

namespace Workflow.Grains.Security;

/// <summary>Validates <see cref="CredentialKeyOptions"/> at start; messages never include key material.</summary>
internal sealed class CredentialKeyOptionsValidator : IValidateOptions<CredentialKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, CredentialKeyOptions options)
    {
        var failures = new List<string>();
        var section = CredentialKeyOptions.SectionName;
        if (options.KeysFile is { } file && string.IsNullOrWhiteSpace(file))
        {
            failures.Add($"{section}:KeysFile must not be blank.");
        }

        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (!CredentialKey.IsValidId(key.Id))
            {
                failures.Add($"{section}:Keys:{i}:Id must be 1 to {CredentialKey.MaxIdLength} of A-Z, a-z, 0-9, '_' and '-'.");
            }

            if (!CredentialKeyFile.TryDecodeKey(key.Key, out _))
            {
                failures.Add($"{section}:Keys:{i}:Key must be base64 of exactly {CredentialKey.KeySizeBytes} bytes.");
            }
        }

        if (options.Keys.Count > 0)
        {
            if (options.Keys.Count(key => key.Active) != 1)
            {
                failures.Add($"{section}:Keys must have exactly one key with Active = true.");
            }

            if (options.Keys.Select(key => key.Id).Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
            {
                failures.Add($"{section}:Keys must not repeat a key id.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
