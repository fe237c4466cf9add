using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Graph;

namespace Workflow.Core.Tests.Graph;

public sealed class WorkflowJsonTests
{
    private const string Document = """
        {
          "id": "9b1d3c6e-0000-4000-8000-000000000001", "name": "Invoice approval", "description": "d", "category": "finance",
          "status": "active", "version": 3,
          "definition": {
            "nodes": [
              { "id": "start", "type": "trigger", "position": {"x": 0, "y": 0}, "data": {"label": "Invoice received"},
                "config": {"kind": "webhook", "path": "invoices", "method": "POST"} },
              { "id": "big", "type": "if", "position": {"x": 240, "y": 0}, "config": {"condition": "{{ trigger.body.amount > 1000 }}"} }
            ],
            "edges": [ { "id": "e1", "source": "start", "target": "big" }, { "id": "e2", "source": "big", "sourceHandle": "true", "target": "approve" } ],
            "variables": [ {"name": "approver", "default": "cfo@example.com"} ]
          },
          "settings": { "timeoutSeconds": 3600, "retryPolicy": {"maxAttempts": 3, "initialIntervalMs": 1000, "backoffCoefficient": 2.0, "maxIntervalMs": 60000}, "errorWorkflowId": null }
        }
        """;

    [Fact]
    public void Deserialize_DesignExample_ReadsEveryField()
    {
        var document = WorkflowJson.Deserialize(Document);

        Assert.Equal(WorkflowStatus.Active, document.Status);
        Assert.Equal(3, document.Version);
        Assert.Equal("Invoice received", document.Definition.Nodes[0].Data!["label"]!.GetValue<string>());
        Assert.Equal("true", document.Definition.Edges[1].SourceHandle);
        Assert.Equal("cfo@example.com", document.Definition.Variables[0].Default!.GetValue<string>());
        Assert.Equal(2.0, document.Settings.RetryPolicy!.BackoffCoefficient);
    }

    [Fact]
    public void SerializeThenDeserialize_RoundTrips_WithoutLosingOrChangingData()
    {
        var once = WorkflowJson.Serialize(WorkflowJson.Deserialize(Document));
        var twice = WorkflowJson.Serialize(WorkflowJson.Deserialize(once));

        Assert.Equal(once, twice);
        var original = JsonNode.Parse(Document)!.AsObject();
        original["settings"]!.AsObject().Remove("errorWorkflowId"); // nulls are omitted on write
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(once)), once);
    }

    [Theory]
    [InlineData("""{"name": "x", "colour": "red"}""")]
    [InlineData("""{"name": "x", "definition": {"nodes": [{"id": "a", "type": "set", "confg": {}}]}}""")]
    [InlineData("""{"name": "x", "settings": {"timeout": 5}}""")]
    public void Deserialize_UnknownMember_IsRejected(string json)
    {
        Assert.ThrowsAny<JsonException>(() => WorkflowJson.Deserialize(json));
    }

    [Fact]
    public void Serialize_StatusAndVersion_UseWireForms()
    {
        var json = WorkflowJson.Serialize(new WorkflowDocument { Name = "n", Status = WorkflowStatus.Archived, Version = 7 });

        Assert.Contains("\"status\":\"archived\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\":7", json, StringComparison.Ordinal);
    }
}
