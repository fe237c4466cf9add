using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Api.Webhooks;

/// <summary>
/// Per-trigger webhook auth: Standard Webhooks HMAC-SHA256 (<c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature: v1,&lt;base64&gt;</c> over <c>{id}.{timestamp}.{raw body}</c>, ±5 min) or a constant-time
/// API key header. Secrets written <c>whsec_&lt;base64&gt;</c> are base64-decoded, any other secret is used as UTF-8.
/// </summary>
public static class WebhookAuth
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>Largest accepted difference between the signed timestamp and the server clock.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>The refusal code (<c>invalid_signature</c>, <c>stale_timestamp</c>, <c>invalid_api_key</c>), or null when accepted.</summary>
    public static string? Verify(WebhookRegistration registration, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(request);
        return registration.AuthType switch
        {
            WebhookModes.AuthHmac => VerifyHmac(registration.Secret, request, body, now),
            WebhookModes.AuthApiKey => VerifyApiKey(registration, request),
            _ => null,
        };
    }

    /// <summary>The Standard Webhooks signature value (<c>v1,&lt;base64&gt;</c>) of a delivery.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(SecretBytes(secret), id, timestamp.ToString(CultureInfo.InvariantCulture), body, mac);
        return "v1," + Convert.ToBase64String(mac);
    }

    private static string? VerifyHmac(string? secret, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var id = request.Headers[IdHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        var signatures = request.Headers[SignatureHeader].ToString();
        if (secret is null || id.Length == 0 || signatures.Length == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "invalid_signature";
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxSkew.TotalSeconds)
        {
            return "stale_timestamp";
        }
        if (!TrySecretBytes(secret, out var key))
        {
            return "invalid_signature";
        }
        Span<byte> expected = stackalloc byte[32];
        Compute(key, id, timestamp, body, expected);
        Span<byte> actual = stackalloc byte[64];
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(part[3..], actual, out var written) && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(actual[..written], expected))
            {
                return null;
            }
        }
        return "invalid_signature";
    }

    private static string? VerifyApiKey(WebhookRegistration registration, HttpRequest request)
    {
        var given = request.Headers[registration.ApiKeyHeader ?? "X-Api-Key"].ToString();
        if (registration.ApiKeyValue is null || given.Length == 0)
        {
            return "invalid_api_key";
        }
        // Hashing first makes the comparison constant-time in the key length too.
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(given), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(registration.ApiKeyValue), b);
        return CryptographicOperations.FixedTimeEquals(a, b) ? null : "invalid_api_key";
    }

    private static void Compute(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var prefixLength = Encoding.UTF8.GetByteCount(id) + Encoding.UTF8.GetByteCount(timestamp) + 2;
        var buffer = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            var written = Encoding.UTF8.GetBytes(id, buffer);
            buffer[written++] = (byte)'.';
            written += Encoding.UTF8.GetBytes(timestamp, buffer.AsSpan(written));
            buffer[written++] = (byte)'.';
            body.CopyTo(buffer.AsSpan(written));
            HMACSHA256.HashData(key, buffer.AsSpan(0, written + body.Length), mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TrySecretBytes(string secret, out byte[] key)
    {
        try
        {
            key = SecretBytes(secret);
            return true;
        }
        catch (FormatException)
        {
            key = [];
            return false;
        }
    }

    private static byte[] SecretBytes(string secret) =>
        secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret[6..]) : Encoding.UTF8.GetBytes(secret);
}
