using Microsoft.Extensions.DependencyInjection;
using Workflow.Grains.Triggers.Events;

namespace Workflow.Api.Tests.Events;

[Collection(ApiCollection.Name)]
public sealed class EventStreamTests(WorkflowApiFactory factory)
{
    [Fact]
    public async Task Publish_Event_ReachesTenantStreamSubscriber()
    {
        var tenant = await factory.CreateTenantAsync();
        var log = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventStreamLogGrain>(tenant.Name);

        await tenant.Owner.PostEventAsync(EventWorkflows.UniqueType());
        await tenant.Owner.PostEventAsync(EventWorkflows.UniqueType());

        var deadline = DateTime.UtcNow.AddSeconds(10);
        long received;
        while ((received = await log.GetReceivedCountAsync()) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(2, received);
    }
}
