using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Schedules;

[Collection(ApiCollection.Name)]
public sealed class ScheduleApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task EveryTwoSeconds_EightSecondWindow_FiresThreeToFiveDistinctInstants()
    {
        var id = (await _client.CreateWorkflowAsync(ScheduleWorkflows.Every("*/2 * * * * *"))).Str("id");
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        await Task.Delay(TimeSpan.FromSeconds(8));
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/pause");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var scheduledAt = await ScheduledInstantsAsync(id);

        Assert.InRange(scheduledAt.Count, 3, 5);
        Assert.Equal(scheduledAt.Count, scheduledAt.Distinct().Count());
        Assert.All(scheduledAt, s => Assert.Equal(0, DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture).Second % 2));
    }

    [Fact]
    public async Task Triggers_ActiveSchedule_ShowsCronAndFireTimes()
    {
        var id = (await _client.CreateWorkflowAsync(ScheduleWorkflows.Every("*/2 * * * * *", "Europe/Paris"))).Str("id");
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var (response, body) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/triggers");
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/pause");
        var (_, paused) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/triggers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = body!["items"]!.AsArray().Single()!;
        Assert.Equal("tick", item.Str("nodeId"));
        Assert.Equal("schedule", item.Str("kind"));
        Assert.Equal("active", item.Str("status"));
        Assert.Equal("*/2 * * * * *", item.Str("cron"));
        Assert.Equal("Europe/Paris", item.Str("timezone"));
        Assert.NotNull(item["nextFireAt"]);
        Assert.NotNull(item["lastFireAt"]);
        var after = paused!["items"]![0]!;
        Assert.Equal("inactive", after.Str("status"));
        Assert.Null(after["nextFireAt"]);
    }

    [Fact]
    public async Task Triggers_UnknownTimeZone_ShowsErrorAndFiresNothing()
    {
        var id = (await _client.CreateWorkflowAsync(ScheduleWorkflows.Every("*/2 * * * * *", "Mars/Olympus_Mons"))).Str("id");
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/activate");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var (_, body) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/triggers");
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/pause");

        var item = body!["items"]![0]!;
        Assert.Equal("error", item.Str("status"));
        Assert.Contains("Unknown time zone", item.Str("error"), StringComparison.Ordinal);
        Assert.Empty(await ScheduledInstantsAsync(id));
    }

    [Fact]
    public async Task Triggers_OtherTenantOrUnknown_NotFound()
    {
        var id = (await _client.CreateWorkflowAsync(ScheduleWorkflows.Every("0 0 1 1 *"))).Str("id");
        using var stranger = await factory.CreateClientWithRolesAsync("viewer");

        var (other, _) = await stranger.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/triggers");
        var (unknown, _) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{Guid.NewGuid()}/triggers");
        var (inactive, body) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/triggers");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inactive.StatusCode);
        Assert.Equal("inactive", body!["items"]![0].Str("status"));
    }

    private async Task<List<string>> ScheduledInstantsAsync(string workflowId)
    {
        var (_, list) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions?workflowId={workflowId}&limit=200");
        var instants = new List<string>();
        foreach (var item in list!["items"]!.AsArray())
        {
            var (_, execution) = await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{item.Str("id")}");
            Assert.Equal("schedule", execution.Str("triggeredBy"));
            var trigger = execution!["nodes"]!.AsArray().Single(n => n.Str("nodeId") == "tick")!;
            instants.Add(trigger["output"]!.Str("scheduledAt"));
        }
        return instants;
    }
}
