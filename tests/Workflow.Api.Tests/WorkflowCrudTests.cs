using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WorkflowCrudTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task Create_ValidDocument_Returns201WithIdVersionAndDraftStatus()
    {
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Guid.TryParse(body.Str("id"), out _));
        Assert.Equal(1, body!["version"]!.GetValue<int>());
        Assert.Equal("draft", body.Str("status"));
        Assert.Equal($"/api/workflows/{body.Str("id")}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404ProblemWithCode()
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-guid" })
        {
            var (response, body) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("not_found", body.Str("code"));
        }
    }

    [Fact]
    public async Task Put_WithMatchingIfMatch_SavesNextVersionAndKeepsOldOne()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = created.Str("id");
        var edited = TestWorkflows.Simple(created.Str("name"));
        edited["description"] = "second";

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", edited, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body!["version"]!.GetValue<int>());
        var (_, v1) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/versions/1");
        Assert.Null(v1!["description"]);
        var (_, versions) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/versions");
        Assert.Equal([2, 1], versions!["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Put_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = created.Str("id");
        await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", TestWorkflows.Simple(created.Str("name")), ifMatch: "1");

        var stale = TestWorkflows.Simple(created.Str("name"));
        stale["description"] = "lost update";
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{id}", stale, ifMatch: "1");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("version_conflict", body.Str("code"));
        var (_, current) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}");
        Assert.Equal(2, current!["version"]!.GetValue<int>());
        Assert.Null(current["description"]);
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Returns428()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{created.Str("id")}", TestWorkflows.Simple(created.Str("name")));

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("if_match_required", body.Str("code"));
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        var first = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, "/api/workflows", TestWorkflows.Simple(first.Str("name")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("name_conflict", body.Str("code"));
    }

    [Fact]
    public async Task StatusChanges_ActivatePauseArchive_AreReflectedInListAndDocument()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = created.Str("id");

        foreach (var (action, status) in new[] { ("activate", "active"), ("pause", "paused"), ("archive", "archived") })
        {
            var (response, body) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/{action}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, body.Str("status"));
            Assert.Equal(1, body!["version"]!.GetValue<int>());
        }
        var (_, list) = await _client.SendJsonAsync(HttpMethod.Get, "/api/workflows?status=archived");
        Assert.Contains(list!["items"]!.AsArray(), w => w.Str("id") == id);
        var (run, problem) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions", new JsonObject());
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Equal("workflow_archived", problem.Str("code"));
    }

    [Fact]
    public async Task Delete_ExistingWorkflow_Returns204ThenGone()
    {
        var created = await _client.CreateWorkflowAsync(TestWorkflows.Simple());
        var id = created.Str("id");

        var (deleted, _) = await _client.SendJsonAsync(HttpMethod.Delete, $"/api/workflows/{id}");
        var (after, _) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}");
        var (again, _) = await _client.SendJsonAsync(HttpMethod.Delete, $"/api/workflows/{id}");
        var (_, list) = await _client.SendJsonAsync(HttpMethod.Get, "/api/workflows");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.DoesNotContain(list!["items"]!.AsArray(), w => w.Str("id") == id);
    }

    [Fact]
    public async Task List_Search_FiltersByName()
    {
        var name = TestWorkflows.Simple()["name"]!.GetValue<string>() + "-needle";
        await _client.CreateWorkflowAsync(TestWorkflows.Simple(name));

        var (_, list) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows?search={name[^20..]}");

        Assert.Single(list!["items"]!.AsArray());
        Assert.Null(list["nextCursor"]);
    }
}
