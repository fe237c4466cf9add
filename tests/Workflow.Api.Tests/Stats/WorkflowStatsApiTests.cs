using System.Net;
using System.Text.Json.Nodes;
using static Workflow.Tests.Shared.WorkflowBuilder;

namespace Workflow.Api.Tests.Stats;

[Collection(ApiCollection.Name)]
public sealed class WorkflowStatsApiTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _admin = factory.CreateAdminClient();

    [Fact]
    public async Task Stats_AfterRuns_CountsStatusesDurationsAndNodeFailures()
    {
        var id = (await _admin.CreateWorkflowAsync(MaybeFailing())).Str("id");
        foreach (var fail in new[] { false, false, false, true })
        {
            var (response, body) = await _admin.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{id}/executions?wait=true",
                new JsonObject { ["input"] = new JsonObject { ["fail"] = fail } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(fail ? "failed" : "completed", body.Str("status"));
        }

        var (statsResponse, stats) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/stats");

        Assert.Equal(HttpStatusCode.OK, statsResponse.StatusCode);
        Assert.Equal(id, stats.Str("workflowId"));
        Assert.Equal("24h", stats.Str("period"));
        Assert.Equal(4, stats!["total"]!.GetValue<long>());
        Assert.Equal(3, stats["byStatus"]!["completed"]!.GetValue<long>());
        Assert.Equal(1, stats["byStatus"]!["failed"]!.GetValue<long>());
        Assert.Equal(0, stats["byStatus"]!["running"]!.GetValue<long>());
        Assert.Equal(0.75, stats["successRate"]!.GetValue<double>());
        Assert.True(stats["avgDurationMs"]!.GetValue<double>() >= 0);
        Assert.True(stats["p95DurationMs"]!.GetValue<double>() >= 0);
        var nodes = stats["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var work = nodes.Single(n => n.Str("nodeId") == "work");
        Assert.Equal(4, work["count"]!.GetValue<int>());
        Assert.Equal(1, work["failures"]!.GetValue<int>());
        Assert.True(work["p95DurationMs"]!.GetValue<double>() >= work["avgDurationMs"]!.GetValue<double>() * 0.5);
        Assert.Equal(0, nodes.Single(n => n.Str("nodeId") == "start")["failures"]!.GetValue<int>());
        var averages = nodes.Select(n => n["avgDurationMs"]!.GetValue<double>()).ToList();
        Assert.Equal(averages.OrderDescending().ToList(), averages);
        var from = DateTimeOffset.Parse(stats.Str("from"), System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(stats.Str("to"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(24), to - from);
    }

    [Fact]
    public async Task Stats_NoExecutions_ZeroCountsAndNullRates()
    {
        var id = (await _admin.CreateWorkflowAsync(MaybeFailing())).Str("id");

        var (response, stats) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/stats?period=7d");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("7d", stats.Str("period"));
        Assert.Equal(0, stats!["total"]!.GetValue<long>());
        Assert.Null(stats["successRate"]);
        Assert.Null(stats["p95DurationMs"]);
        Assert.Empty(stats["nodes"]!.AsArray());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0h")]
    [InlineData("5y")]
    [InlineData("400d")]
    [InlineData("-1h")]
    public async Task Stats_BadPeriod_400InvalidPeriod(string period)
    {
        var id = (await _admin.CreateWorkflowAsync(MaybeFailing())).Str("id");

        var (response, body) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/stats?period={Uri.EscapeDataString(period)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_period", body.Str("code"));
    }

    [Fact]
    public async Task Stats_OtherTenantsOrUnknownWorkflow_404()
    {
        var id = (await _admin.CreateWorkflowAsync(MaybeFailing())).Str("id");
        var other = await factory.CreateTenantAsync();

        var (foreign, _) = await other.Owner.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{id}/stats");
        var (unknown, _) = await _admin.SendJsonAsync(HttpMethod.Get, $"/api/workflows/{Guid.NewGuid()}/stats");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static JsonObject MaybeFailing() => Document(Unique("stats"),
        [Trigger(), Node("work", "transform", new JsonObject { ["code"] = "if (trigger.fail) { throw new Error('no'); } return 1;" })],
        [Edge("start", "work")]);
}
