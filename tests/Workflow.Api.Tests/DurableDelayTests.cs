using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DurableDelayTests(WorkflowApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateAdminClient();

    [Fact]
    public async Task LongDelay_RegistersReminder_AndCancelRemovesIt()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.WithDelay(600));
        var (_, started) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions", new JsonObject());
        var id = started.Str("executionId");
        var grainId = GrainId.Create("execution", $"default/{id}");
        var reminders = factory.Services.GetRequiredService<IReminderTable>();

        var waiting = await WaitForAsync(async () => (await reminders.ReadRows(grainId)).Reminders.Any(r => r.ReminderName == "wake"));
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/executions/{id}/cancel");
        var removed = await WaitForAsync(async () => (await reminders.ReadRows(grainId)).Reminders.Count == 0);

        Assert.True(waiting, "a 10-minute delay should hold a reminder");
        Assert.True(removed, "cancelling should remove the reminder");
    }

    [Fact]
    public async Task ShortDelay_HoldsNoReminder_AndCompletesByTimer()
    {
        var workflow = await _client.CreateWorkflowAsync(TestWorkflows.WithDelay(1));
        var (_, done) = await _client.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{workflow.Str("id")}/executions?wait=true", new JsonObject());
        var grainId = GrainId.Create("execution", $"default/{done.Str("id")}");
        var reminders = factory.Services.GetRequiredService<IReminderTable>();

        // ?wait=true answers at the first settle point: the delay's waiting state.
        Assert.Equal("waiting", done.Str("status"));
        Assert.Empty((await reminders.ReadRows(grainId)).Reminders);
        var completed = await WaitForAsync(async () =>
            (await _client.SendJsonAsync(HttpMethod.Get, $"/api/executions/{done.Str("id")}")).Body.Str("status") == "completed");
        Assert.True(completed);
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}
