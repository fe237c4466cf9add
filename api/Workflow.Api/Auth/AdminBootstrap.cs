using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// First start: creates tenant <c>default</c> with user <c>admin</c> (owner and system administrator). The password
/// is <c>WORKFLOW_ADMIN_PASSWORD</c>, or generated and printed once to standard output — never to the log. Later
/// starts find the tenant and do nothing, so the variable only matters the first time.
/// </summary>
public sealed partial class AdminBootstrap(
    IGrainFactory grains,
    PasswordHasher hasher,
    SigningKeyStore keys,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AdminBootstrap> logger)
{
    public const string PasswordVariable = "WORKFLOW_ADMIN_PASSWORD";
    public const string AdminUsername = "admin";

    /// <summary>The line that carries a generated password on standard output.</summary>
    public const string PasswordMarker = "WORKFLOW ADMIN PASSWORD: ";

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogSigningKey(logger, keys.Key.KeyId);
        var tenant = grains.GetGrain<ITenantGrain>(GrainKeys.DefaultTenant);
        if (await tenant.GetAsync() is not null)
        {
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var configured = configuration[PasswordVariable];
        var generated = string.IsNullOrEmpty(configured);
        var password = generated ? Generate() : configured!;
        if (!generated && IdentityNames.PasswordProblem(password) is not null)
        {
            LogWeakPassword(logger, PasswordVariable);
        }
        var owner = new UserAccount
        {
            Username = AdminUsername,
            UserId = Guid.NewGuid().ToString("N"),
            PasswordHash = hasher.Hash(password),
            Roles = [TenantRoles.Owner],
            SystemAdmin = true,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await tenant.CreateAsync("Default", owner);
        if (!result.Ok)
        {
            return; // another silo bootstrapped first
        }
        LogCreated(logger, GrainKeys.DefaultTenant, AdminUsername, generated ? "generated and printed to standard output" : PasswordVariable);
        if (generated)
        {
            Print(password);
        }
    }

    private static void Print(string password)
    {
        var bar = new string('=', 72);
        Console.Out.WriteLine(bar);
        Console.Out.WriteLine($" First start: created tenant '{GrainKeys.DefaultTenant}' with user '{AdminUsername}' (owner, system administrator).");
        Console.Out.WriteLine($" {PasswordMarker}{password}");
        Console.Out.WriteLine($" It is shown only this once. Set {PasswordVariable} before the first start to choose it.");
        Console.Out.WriteLine(bar);
        Console.Out.Flush();
    }

    private static string Generate() => RandomNumberGenerator.GetString(Alphabet, 24);
}
