using System.Text.Json.Nodes;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>A node transition: started, completed, failed, retrying, waiting, skipped.</summary>
public sealed record NodeEvent(string Kind, string NodeId, NodeStatus Status, int Attempt, long? DurationMs, NodeError? Error, JsonNode? Output);
