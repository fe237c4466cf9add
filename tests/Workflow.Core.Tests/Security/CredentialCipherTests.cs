using System.Buffers.Text;
using Workflow.Core.Security;

namespace Workflow.Core.Tests.Security;

public sealed class CredentialCipherTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly byte[] Secret = "{\"token\":\"s3cr3t-value\"}"u8.ToArray();

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTrips()
    {
        var cipher = NewCipher(out _);

        var envelope = cipher.Encrypt(Secret, "acme", "cred-1");

        Assert.Equal(Secret, cipher.Decrypt(envelope, "acme", "cred-1"));
    }

    [Fact]
    public void Encrypt_Envelope_HasVersionKeyIdAndNoPlaintext()
    {
        var cipher = NewCipher(out var key);

        var envelope = cipher.Encrypt(Secret, "acme", "cred-1");

        var parts = envelope.Split('.');
        Assert.Equal(5, parts.Length);
        Assert.Equal("v1", parts[0]);
        Assert.Equal(key.Id, parts[1]);
        Assert.Equal(12, Base64Url.DecodeFromChars(parts[2]).Length);
        Assert.Equal(Secret.Length, Base64Url.DecodeFromChars(parts[3]).Length);
        Assert.Equal(16, Base64Url.DecodeFromChars(parts[4]).Length);
        Assert.DoesNotContain("s3cr3t", envelope, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_UsesFreshNonces()
    {
        var cipher = NewCipher(out _);

        Assert.NotEqual(cipher.Encrypt(Secret, "acme", "cred-1"), cipher.Encrypt(Secret, "acme", "cred-1"));
    }

    [Fact]
    public void Encrypt_EmptyPlaintext_RoundTrips()
    {
        var cipher = NewCipher(out _);

        Assert.Empty(cipher.Decrypt(cipher.Encrypt([], "acme", "cred-1"), "acme", "cred-1"));
    }

    [Theory]
    [InlineData("acme", "cred-2")]
    [InlineData("other", "cred-1")]
    [InlineData("other", "cred-2")]
    public void Decrypt_MovedToAnotherCredentialOrTenant_FailsAuthentication(string tenant, string credentialId)
    {
        var cipher = NewCipher(out _);
        var envelope = cipher.Encrypt(Secret, "acme", "cred-1");

        var error = Assert.Throws<CredentialCipherException>(() => cipher.Decrypt(envelope, tenant, credentialId));

        Assert.Equal(CredentialCipherError.AuthenticationFailed, error.Error);
    }

    [Fact]
    public void Decrypt_IdsShiftedAcrossTheTenantBoundary_FailsAuthentication()
    {
        // Without length prefixes "ab" + "c" and "a" + "bc" would bind the same bytes.
        var cipher = NewCipher(out _);
        var envelope = cipher.Encrypt(Secret, "ab", "c");

        Assert.False(cipher.TryDecrypt(envelope, "a", "bc", out _, out var error));
        Assert.Equal(CredentialCipherError.AuthenticationFailed, error);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Decrypt_CiphertextOrTagAltered_FailsAuthentication(int part)
    {
        var cipher = NewCipher(out _);
        var parts = cipher.Encrypt(Secret, "acme", "cred-1").Split('.');
        var bytes = Base64Url.DecodeFromChars(parts[part]);
        bytes[0] ^= 0x01;
        parts[part] = Base64Url.EncodeToString(bytes);

        Assert.False(cipher.TryDecrypt(string.Join('.', parts), "acme", "cred-1", out var plaintext, out var error));

        Assert.Null(plaintext);
        Assert.Equal(CredentialCipherError.AuthenticationFailed, error);
    }

    [Fact]
    public void Decrypt_AfterRotation_ReadsOldCiphertextAndEncryptsWithNewKey()
    {
        var before = NewCipher(out var oldKey);
        var old = before.Encrypt(Secret, "acme", "cred-1");
        var newKey = CredentialKey.Generate(T0.AddDays(1));

        var after = new CredentialCipher(before.Keys.Rotate(newKey));
        var fresh = after.Encrypt(Secret, "acme", "cred-2");

        Assert.Equal(Secret, after.Decrypt(old, "acme", "cred-1"));
        Assert.Equal(Secret, after.Decrypt(fresh, "acme", "cred-2"));
        Assert.True(CredentialCipher.TryReadKeyId(old, out var oldId));
        Assert.Equal(oldKey.Id, oldId);
        Assert.True(CredentialCipher.TryReadKeyId(fresh, out var freshId));
        Assert.Equal(newKey.Id, freshId);
        Assert.Equal(newKey.Id, after.ActiveKeyId);
    }

    [Fact]
    public void Decrypt_UnknownKeyId_FailsWithUnknownKey()
    {
        var envelope = NewCipher(out _).Encrypt(Secret, "acme", "cred-1");
        var stranger = NewCipher(out _);

        var error = Assert.Throws<CredentialCipherException>(() => stranger.Decrypt(envelope, "acme", "cred-1"));

        Assert.Equal(CredentialCipherError.UnknownKey, error.Error);
        Assert.NotNull(error.KeyId);
        Assert.Contains(error.KeyId!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_SameKeyIdOtherMaterial_FailsAuthentication()
    {
        var cipher = NewCipher(out var key);
        var envelope = cipher.Encrypt(Secret, "acme", "cred-1");
        var impostor = new CredentialCipher(new CredentialKeyRing([new CredentialKey(key.Id, new byte[32], T0)], key.Id));

        Assert.False(impostor.TryDecrypt(envelope, "acme", "cred-1", out _, out var error));
        Assert.Equal(CredentialCipherError.AuthenticationFailed, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an envelope")]
    [InlineData("v1.key.AAAA.AAAA")]
    [InlineData("v1.key.!!!.AAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.key.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.bad key.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    public void Decrypt_Malformed_FailsAsMalformed(string envelope)
    {
        Assert.False(NewCipher(out _).TryDecrypt(envelope, "acme", "cred-1", out _, out var error));
        Assert.Equal(CredentialCipherError.Malformed, error);
    }

    [Fact]
    public void Decrypt_FutureVersion_FailsAsUnsupportedVersion()
    {
        var cipher = NewCipher(out _);
        var envelope = "v2" + cipher.Encrypt(Secret, "acme", "cred-1")[2..];

        Assert.False(cipher.TryDecrypt(envelope, "acme", "cred-1", out _, out var error));
        Assert.Equal(CredentialCipherError.UnsupportedVersion, error);
    }

    [Fact]
    public void CredentialKey_ToString_DoesNotShowMaterial()
    {
        var key = new CredentialKey("k1", Enumerable.Repeat((byte)0xAB, 32).ToArray(), T0);

        Assert.Equal("CredentialKey k1", key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a b")]
    public void CredentialKey_InvalidId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => new CredentialKey(id, new byte[32], T0));

    [Fact]
    public void CredentialKey_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new CredentialKey("k1", new byte[16], T0));

    [Fact]
    public void CredentialKeyRing_ActiveKeyMissingOrDuplicateIds_Throws()
    {
        var key = new CredentialKey("k1", new byte[32], T0);

        Assert.Throws<ArgumentException>(() => new CredentialKeyRing([key], "k2"));
        Assert.Throws<ArgumentException>(() => new CredentialKeyRing([key, key], "k1"));
        Assert.Throws<ArgumentException>(() => new CredentialKeyRing([], "k1"));
    }

    [Fact]
    public void Generate_TwoKeys_DifferInIdAndMaterial()
    {
        var a = CredentialKey.Generate(T0);
        var b = CredentialKey.Generate(T0);

        Assert.NotEqual(a.Id, b.Id);
        Assert.False(a.Material.SequenceEqual(b.Material));
        Assert.StartsWith("k20300102030405-", a.Id, StringComparison.Ordinal);
    }

    private static CredentialCipher NewCipher(out CredentialKey key)
    {
        key = CredentialKey.Generate(T0);
        return new CredentialCipher(new CredentialKeyRing([key], key.Id));
    }
}
