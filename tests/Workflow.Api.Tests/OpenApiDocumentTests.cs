using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Api.Tests;

/// <summary>
/// The designer generates its API types from the committed <c>api/Workflow.Api/openapi.json</c>; this fails when the
/// served document has moved on. Regenerate with <c>UPDATE_SNAPSHOTS=1</c> and review the diff.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(WorkflowApiFactory factory)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task ServedDocument_EqualsCommittedFile()
    {
        var served = await ServedAsync();
        var path = Path.Combine(RepositoryPaths.Root(), "api", "Workflow.Api", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Indented) + "\n");
            return;
        }

        var committed = Normalise(JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject());
        Assert.True(JsonNode.DeepEquals(committed, served),
            "/openapi/v1.json differs from api/Workflow.Api/openapi.json; if intended, run the tests with UPDATE_SNAPSHOTS=1 and commit the file");
    }

    [Fact]
    public async Task ServedDocument_HasTypedContractsAndNoDashboard()
    {
        var served = await ServedAsync();

        var paths = served["paths"]!.AsObject();
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.Contains("/api/workflows/{id}/stats", paths.Select(p => p.Key));
        var schemas = served["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToHashSet();
        foreach (var schema in new[] { "WorkflowDocument", "ExecutionResponse", "ExecutionStarted", "ValidationResponse", "WorkflowStats", "NodeDescriptor", "CredentialResponse", "TokenResponse" })
        {
            Assert.Contains(schema, schemas);
        }
    }

    private async Task<JsonObject> ServedAsync()
    {
        using var client = factory.CreateAdminClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Normalise(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Drops what depends on where the server runs (its URL).</summary>
    private static JsonObject Normalise(JsonObject document)
    {
        document.Remove("servers");
        return document;
    }
}
