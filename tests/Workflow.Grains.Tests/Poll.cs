namespace Workflow.Grains.Tests;

/// <summary>Waits for a cluster to reach a state by polling with a deadline (never by sleeping a fixed time).</summary>
public static class Poll
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="failure"/> after the timeout (30 s).</summary>
    public static Task UntilAsync(Func<bool> condition, string failure, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), failure, timeout);

    /// <inheritdoc cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>
    public static Task UntilAsync(Func<Task<bool>> condition, string failure, TimeSpan? timeout = null) =>
        UntilAsync<object>(async () => await condition() ? true : null, failure, timeout);

    /// <summary>Polls until <paramref name="probe"/> has a value; calls that fail while the cluster settles count as no value yet.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string failure, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // A call routed to the killed silo before the cluster declared it dead.
            }
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(250);
        }
    }
}
