using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Grains.Abstractions.Credentials;
using Workflow.Grains.Hosting;
using Workflow.Grains.Security;
using Workflow.Grains.Storage;
using Workflow.Grains.Tests.Storage;

namespace Workflow.Grains.Tests.Credentials;

public sealed class CredentialKeyRingProviderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(T0);

    private string KeysFile => Path.Combine(_directory.Path, "keys", "credential-keys.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void FirstStart_NoKeyFile_GeneratesOneActiveKeyReadableByOwnerOnly()
    {
        var provider = NewProvider();

        Assert.Equal(KeysFile, provider.KeysFile);
        var keys = ReadFile()["keys"]!.AsArray();
        var key = Assert.Single(keys)!;
        Assert.Equal(provider.ActiveKeyId, key["id"]!.GetValue<string>());
        Assert.True(key["active"]!.GetValue<bool>());
        Assert.Equal(32, Convert.FromBase64String(key["key"]!.GetValue<string>()).Length);
        Assert.Equal(T0, key["createdAt"]!.GetValue<DateTimeOffset>());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeysFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(KeysFile)!));
        }
    }

    [Fact]
    public void SecondStart_ExistingKeyFile_LoadsTheSameKey()
    {
        var first = NewProvider();
        var envelope = first.Cipher.Encrypt("secret"u8, "t1", "c1");

        var second = NewProvider();

        Assert.Equal(first.ActiveKeyId, second.ActiveKeyId);
        Assert.Equal("secret"u8.ToArray(), second.Cipher.Decrypt(envelope, "t1", "c1"));
    }

    [Fact]
    public async Task RotateKey_KeyFile_AddsActiveKeyAndKeepsOldOnesReadable()
    {
        var provider = NewProvider();
        var old = provider.ActiveKeyId;
        var envelope = provider.Cipher.Encrypt("secret"u8, "t1", "c1");
        _time.Advance(TimeSpan.FromDays(1));

        var rotation = await provider.RotateKeyAsync();

        Assert.True(rotation.Ok);
        Assert.Equal(old, rotation.PreviousKeyId);
        Assert.Equal(rotation.KeyId, provider.ActiveKeyId);
        Assert.NotEqual(old, rotation.KeyId);
        Assert.Equal("secret"u8.ToArray(), provider.Cipher.Decrypt(envelope, "t1", "c1"));
        var keys = ReadFile()["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.Equal([rotation.KeyId], keys.Where(k => k!["active"]!.GetValue<bool>()).Select(k => k!["id"]!.GetValue<string>()));
        Assert.Equal(rotation.KeyId, NewProvider().ActiveKeyId);
    }

    [Fact]
    public async Task Refresh_AfterAnotherProcessRotated_ReadsTheNewKey()
    {
        var here = NewProvider();
        var there = NewProvider();
        _time.Advance(TimeSpan.FromSeconds(2));
        await there.RotateKeyAsync();
        var envelope = there.Cipher.Encrypt("secret"u8, "t1", "c1");
        File.SetLastWriteTimeUtc(KeysFile, DateTime.UtcNow.AddSeconds(5));

        Assert.False(here.Cipher.TryDecrypt(envelope, "t1", "c1", out _, out _));
        Assert.True(here.Refresh());

        Assert.Equal("secret"u8.ToArray(), here.Cipher.Decrypt(envelope, "t1", "c1"));
        Assert.Equal(there.ActiveKeyId, here.ActiveKeyId);
    }

    [Fact]
    public async Task RotateKey_TwoProvidersSharingTheFile_NoKeyIsLost()
    {
        var a = NewProvider();
        var b = NewProvider();

        var first = await a.RotateKeyAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await b.RotateKeyAsync();

        var ids = ReadFile()["keys"]!.AsArray().Select(k => k!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(3, ids.Length);
        Assert.Contains(first.KeyId, ids);
        Assert.Contains(second.KeyId, ids);
    }

    [Fact]
    public async Task ConfiguredKeys_NoFileAndRotationRefused()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var provider = NewProvider(o => o.Keys = [new CredentialKeyConfig { Id = "old", Key = key }, new CredentialKeyConfig { Id = "cfg1", Key = key, Active = true }]);

        var rotation = await provider.RotateKeyAsync();

        Assert.True(provider.IsConfigured);
        Assert.Null(provider.KeysFile);
        Assert.Equal("cfg1", provider.ActiveKeyId);
        Assert.Equal(2, provider.Cipher.Keys.Keys.Count);
        Assert.Equal("keys_configured", rotation.ErrorCode);
        Assert.False(File.Exists(KeysFile));
    }

    [Theory]
    [InlineData("bad id", true, "Id")]
    [InlineData("k1", false, "exactly one key")]
    public void ConfiguredKeys_Invalid_FailValidationWithoutShowingTheKey(string id, bool active, string expected)
    {
        var key = Convert.ToBase64String(new byte[32]);
        var services = new ServiceCollection().AddLogging().AddWorkflowSqliteStorage(o => o.DataDirectory = _directory.Path);
        services.Configure<CredentialKeyOptions>(o => o.Keys = [new CredentialKeyConfig { Id = id, Key = key, Active = active }]);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICredentialKeyAdmin>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredKeys_WrongLength_FailsValidation()
    {
        var services = new ServiceCollection().AddLogging().AddWorkflowSqliteStorage(o => o.DataDirectory = _directory.Path);
        services.Configure<CredentialKeyOptions>(o => o.Keys = [new CredentialKeyConfig { Id = "k1", Key = Convert.ToBase64String(new byte[16]), Active = true }]);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CredentialKeyRingProvider>());
    }

    [Fact]
    public void ExistingFileReadableByOthers_IsNarrowedToOwner()
    {
        NewProvider();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(KeysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        NewProvider();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeysFile));
    }

    private CredentialKeyRingProvider NewProvider(Action<CredentialKeyOptions>? configure = null)
    {
        var options = new CredentialKeyOptions();
        configure?.Invoke(options);
        return new CredentialKeyRingProvider(
            Options.Create(options),
            Options.Create(new SqliteStorageOptions { DataDirectory = _directory.Path }),
            _time,
            NullLogger<CredentialKeyRingProvider>.Instance);
    }

    private JsonNode ReadFile() => JsonNode.Parse(File.ReadAllText(KeysFile))!;
}
