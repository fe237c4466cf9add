using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Workflow.Api.Tests.Security;

/// <summary>What lands in <c>workflow.db</c>: hashes, never passwords or API keys.</summary>
[Collection(ApiCollection.Name)]
public sealed class StoredSecretsTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task GrainState_HoldsHashesOnly_NoPlaintextPasswordOrApiKey()
    {
        var tenant = await factory.CreateTenantAsync();
        var user = await tenant.AddUserAsync("viewer");
        var (created, body) = await user.Client.SendJsonAsync(HttpMethod.Post, $"/api/users/{user.Username}/api-keys", new JsonObject { ["name"] = "stored" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = body.Str("key");
        var secrets = new[] { key, key[^43..], user.Password, tenant.OwnerPassword, WorkflowApiFactory.AdminPassword };

        // Writes are batched: wait until the key's row is there.
        var rows = await ReadRowsAsync(r => r.Any(row => row.Type == "apikey" && row.Id == body.Str("id")));

        var keyRow = JsonNode.Parse(rows.Single(r => r.Type == "apikey" && r.Id == body.Str("id")).Data)!;
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key))), keyRow["key"].Str("hash"));
        var userRow = JsonNode.Parse(rows.Single(r => r.Type == "user" && r.Id == $"{tenant.Name}/{user.Username}").Data)!;
        Assert.StartsWith("pbkdf2-sha256$", userRow["account"].Str("passwordHash"), StringComparison.Ordinal);
        foreach (var row in rows)
        {
            var unescaped = row.Data.Length > 0 && row.Data[0] == '{' ? JsonNode.Parse(row.Data)!.ToJsonString(Relaxed) : row.Data;
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, row.Data, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, unescaped, StringComparison.Ordinal);
            }
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<List<(string Type, string Id, string Data)>> ReadRowsAsync(Func<List<(string Type, string Id, string Data)>, bool> ready)
    {
        var path = Path.Combine(factory.DataDirectory, "workflow.db");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = new List<(string, string, string)>();
            await using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT grain_type, grain_id, CAST(data AS TEXT) FROM grain_state";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
                }
            }
            if (ready(rows) || DateTime.UtcNow > deadline)
            {
                return rows;
            }
            await Task.Delay(100);
        }
    }
}
