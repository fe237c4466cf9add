using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflow.Grains.Storage;

namespace Workflow.Grains.Tests.Storage;

/// <summary>State of <see cref="SqliteProbeGrain"/>.</summary>
public sealed class SqliteProbeState : IRecoverableState
{
    public string? Value { get; set; }

    public bool Running { get; set; }

    public JsonObject Extra { get; set; } = [];

    [JsonIgnore]
    public bool NeedsRecovery => Running;
}
