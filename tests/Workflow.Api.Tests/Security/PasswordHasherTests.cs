using Microsoft.Extensions.Options;
using Workflow.Api.Auth;

namespace Workflow.Api.Tests.Security;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = new(Options.Create(new AuthOptions { PasswordIterations = 100_000 }));

    [Fact]
    public void Hash_StoresAlgorithmIterationsSaltAndHash_WithAFreshSaltEachTime()
    {
        var first = _hasher.Hash("correct horse battery");
        var second = _hasher.Hash("correct horse battery");

        var parts = first.Split('$');
        Assert.Equal(4, parts.Length);
        Assert.Equal(("pbkdf2-sha256", "100000"), (parts[0], parts[1]));
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse battery", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RightPassword_True_WrongOrMissingOrMalformed_False()
    {
        var stored = _hasher.Hash("correct horse battery");

        Assert.True(_hasher.Verify("correct horse battery", stored));
        Assert.False(_hasher.Verify("correct horse batterY", stored));
        Assert.False(_hasher.Verify("correct horse battery", null));
        Assert.False(_hasher.Verify("correct horse battery", "plain-text"));
        Assert.False(_hasher.Verify("correct horse battery", stored.Replace("pbkdf2-sha256", "md5", StringComparison.Ordinal)));
    }

    [Fact]
    public void Verify_HashMadeWithOtherIterations_StillVerifies()
    {
        var older = new PasswordHasher(Options.Create(new AuthOptions { PasswordIterations = 120_000 })).Hash("pw-of-old");

        Assert.True(_hasher.Verify("pw-of-old", older));
    }

    [Fact]
    public void Validator_RefusesFewerThan100000Iterations_AndShortSigningKeys()
    {
        var validator = new AuthOptionsValidator();

        Assert.True(validator.Validate(null, new AuthOptions()).Succeeded);
        Assert.True(validator.Validate(null, new AuthOptions { PasswordIterations = 99_999 }).Failed);
        Assert.True(validator.Validate(null, new AuthOptions { SigningKey = Convert.ToBase64String(new byte[16]) }).Failed);
        Assert.True(validator.Validate(null, new AuthOptions { SigningKey = "not base64!" }).Failed);
        Assert.True(validator.Validate(null, new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) }).Succeeded);
    }
}
