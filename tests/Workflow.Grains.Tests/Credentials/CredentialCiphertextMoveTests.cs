namespace Workflow.Grains.Tests.Credentials;

/// <summary>A ciphertext copied into another credential's row, or another tenant's, does not decrypt there.</summary>
public sealed class CredentialCiphertextMoveTests(CredentialCluster cluster) : IClassFixture<CredentialCluster>
{
    [Fact]
    public async Task Reveal_CiphertextMovedToAnotherRowOrTenant_FailsAndTheOriginalStillReads()
    {
        var source = await cluster.CreateAsync("acme", "source", "bearer", """{"token":"acme-token"}""");
        var sameTenant = await cluster.CreateAsync("acme", "target", "bearer", """{"token":"other"}""");
        var otherTenant = await cluster.CreateAsync("globex", "target", "bearer", """{"token":"other"}""");
        var sameIdOtherTenant = source;
        var envelope = (await cluster.StateOfAsync("acme", source))!["envelope"]!.GetValue<string>();

        await cluster.RestartAsync(async () =>
        {
            await cluster.SetEnvelopeAsync("acme", sameTenant, envelope);
            await cluster.SetEnvelopeAsync("globex", otherTenant, envelope);
        });
        await cluster.Credential("initech", sameIdOtherTenant).CreateAsync(new() { Name = "same-id", Type = "bearer", DataJson = """{"token":"x"}""" });
        await cluster.RestartAsync(() => cluster.SetEnvelopeAsync("initech", sameIdOtherTenant, envelope));

        Assert.Equal("decryption_failed", (await cluster.Secret("acme", sameTenant).RevealAsync()).ErrorCode);
        Assert.Equal("decryption_failed", (await cluster.Secret("globex", otherTenant).RevealAsync()).ErrorCode);
        Assert.Equal("decryption_failed", (await cluster.Secret("initech", sameIdOtherTenant).RevealAsync()).ErrorCode);
        Assert.Contains("acme-token", (await cluster.Secret("acme", source).RevealAsync()).DataJson, StringComparison.Ordinal);
    }
}
