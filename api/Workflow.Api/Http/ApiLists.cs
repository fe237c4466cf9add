using System.Text.Json.Nodes;

namespace Workflow.Api.Http;

/// <summary>The shape every list endpoint answers: <c>{items, nextCursor}</c>.</summary>
public static class ApiLists
{
    public static JsonObject Page(JsonArray items, string? nextCursor) => new() { ["items"] = items, ["nextCursor"] = nextCursor };
}
