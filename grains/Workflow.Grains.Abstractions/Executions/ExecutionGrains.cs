using Orleans.Metadata;

namespace Workflow.Grains.Abstractions.Executions;

/// <summary>
/// References to execution grains for the paths that create one per execution (webhooks, starts). Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> looks up the interface's attributes by reflection at every call (2 % of the silo's
/// CPU under webhook load); this resolves the interface type once.
/// </summary>
public sealed class ExecutionGrains(IGrainFactory grains, GrainInterfaceTypeResolver interfaces)
{
    /// <summary>The grain type of executions (grain ids <c>execution/{tenant}/{executionId}</c>).</summary>
    public const string GrainTypeName = "execution";

    private static readonly GrainType Type = GrainType.Create(GrainTypeName);
    private readonly GrainInterfaceType _interface = interfaces.GetGrainInterfaceType(typeof(IExecutionGrain));

    /// <summary>The execution grain <c>{tenant}/{executionId}</c>, as <c>GetGrain&lt;IExecutionGrain&gt;</c> would give it.</summary>
    public IExecutionGrain Get(string tenant, string executionId) =>
        (IExecutionGrain)grains.GetGrain(GrainId.Create(Type, GrainKeys.For(tenant, executionId)), _interface);
}
