using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Security;

/// <summary>Hand-made JWTs, to check what the server refuses without trusting a JWT library to build them.</summary>
public static class TestTokens
{
    /// <summary>The server's generated signing key, read from the data directory.</summary>
    public static byte[] ServerKey(WorkflowApiFactory factory) =>
        Convert.FromBase64String(File.ReadAllText(Path.Combine(factory.DataDirectory, "keys", "jwt-signing.key")).Trim());

    /// <summary>Claims like the server's own for the bootstrap admin, valid for an hour; tests change one thing.</summary>
    public static JsonObject AdminPayload(string uid) => new()
    {
        ["iss"] = "workflow",
        ["aud"] = "workflow-api",
        ["sub"] = "admin",
        ["tenant"] = "default",
        ["uid"] = uid,
        ["role"] = "owner",
        ["sysadmin"] = "true",
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["nbf"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
    };

    /// <summary><c>header.payload.HMAC-SHA256(key)</c> with the given header algorithm name.</summary>
    public static string Hs256(JsonObject payload, byte[] key, string alg = "HS256")
    {
        var unsigned = Encode(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }) + "." + Encode(payload);
        return unsigned + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)));
    }

    /// <summary>An unsecured JWT: <c>{"alg":"none"}</c> and an empty signature.</summary>
    public static string None(JsonObject payload) =>
        Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }) + "." + Encode(payload) + ".";

    /// <summary>The header of a token as JSON.</summary>
    public static JsonObject Header(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!.AsObject();

    /// <summary>The payload of a token as JSON.</summary>
    public static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
