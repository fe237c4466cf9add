using System.Text.Json.Nodes;

namespace Workflow.Grains.Triggers;

/// <summary>One trigger node of an active workflow version, handed to its kind's <see cref="ITriggerHandler"/>.</summary>
public sealed record TriggerRegistration(string Tenant, Guid WorkflowId, int Version, string NodeId, JsonObject Config)
{
    /// <summary>The trigger kind from the node config (<c>manual</c> when absent).</summary>
    public string Kind => Config["kind"] is JsonValue v && v.TryGetValue<string>(out var kind) ? kind : "manual";
}
