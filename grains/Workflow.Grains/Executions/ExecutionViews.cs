using Workflow.Core.Execution;
using Workflow.Core.Graph;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Grains.Executions;

/// <summary>Maps the checkpointed state to the API view and the history row.</summary>
public static class ExecutionViews
{
    /// <summary>
    /// The API view. With <paramref name="outputsOf"/>, only those nodes' views carry their output (a webhook
    /// answers with the result or a respond node's output, and serialising every other output is wasted).
    /// </summary>
    public static ExecutionView ToView(ExecutionGrainState grain, WorkflowDefinition definition, IReadOnlyCollection<string>? outputsOf = null)
    {
        var state = grain.Execution;
        var nodes = new List<NodeView>(definition.Nodes.Count);
        foreach (var node in definition.Nodes)
        {
            var s = state.Node(node.Id);
            nodes.Add(new NodeView
            {
                NodeId = node.Id,
                Status = s.Status.ToWire(),
                Attempts = s.Attempts,
                Runs = s.Runs,
                StartedAt = s.StartedAt,
                CompletedAt = s.CompletedAt,
                OutputJson = outputsOf is null || outputsOf.Contains(node.Id) ? s.Output?.ToJsonString() : null,
                Error = s.Error is { } e ? new ExecutionErrorView(e.Code, e.Message, node.Id) : null,
            });
        }
        return new ExecutionView
        {
            Id = state.ExecutionId,
            WorkflowId = grain.WorkflowId,
            WorkflowVersion = grain.WorkflowVersion,
            Status = state.Status.ToWire(),
            TriggeredBy = grain.TriggeredBy,
            StartedAt = state.StartedAt,
            CompletedAt = state.CompletedAt,
            DurationMs = state.CompletedAt is { } end ? (long)(end - state.StartedAt).TotalMilliseconds : null,
            ResultJson = state.Result?.ToJsonString(),
            Error = state.Error is { } error ? new ExecutionErrorView(error.Code, error.Message, state.FailedNodeId) : null,
            Nodes = nodes,
            Sequence = grain.EventSequence,
        };
    }

    public static ExecutionRecord ToRecord(ExecutionGrainState grain, string? workflowName, DateTimeOffset now)
    {
        var state = grain.Execution;
        return new ExecutionRecord
        {
            Id = state.ExecutionId,
            TenantId = grain.TenantId,
            WorkflowId = grain.WorkflowId,
            WorkflowVersion = grain.WorkflowVersion,
            WorkflowName = workflowName,
            Status = state.Status.ToWire(),
            TriggeredBy = grain.TriggeredBy,
            StartedAt = state.StartedAt,
            CompletedAt = state.CompletedAt,
            DurationMs = state.CompletedAt is { } end ? (long)(end - state.StartedAt).TotalMilliseconds : null,
            ErrorCode = state.Error?.Code,
            ErrorMessage = state.Error?.Message,
            UpdatedAt = now,
            NodeTimingsJson = NodeTimings.From(state),
        };
    }
}
