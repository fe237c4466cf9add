namespace Workflow.Grains.Abstractions.Triggers.Schedules;

/// <summary>Keys of <see cref="IScheduleTriggerGrain"/>: <c>{tenant}/{workflowId:N}/{nodeId}</c>.</summary>
public static class ScheduleTriggerKeys
{
    public static string For(string tenant, Guid workflowId, string nodeId) => $"{tenant}/{workflowId:N}/{nodeId}";

    /// <summary>Splits a key made by <see cref="For"/>.</summary>
    public static (string Tenant, Guid WorkflowId, string NodeId) Parse(string key)
    {
        var parts = key.Split('/', 3);
        return (parts[0], Guid.Parse(parts[1]), parts[2]);
    }
}
