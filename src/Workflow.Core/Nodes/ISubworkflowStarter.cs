using System.Text.Json.Nodes;

namespace Workflow.Core.Nodes;

/// <summary>
/// Starts a child execution for a <c>subworkflow</c> node (implemented by the host; the engine stays I/O-free).
/// Starting is idempotent on <see cref="ChildExecutionRequest.ChildExecutionId"/>.
/// </summary>
public interface ISubworkflowStarter
{
    Task<ChildExecutionStatus> StartAsync(ChildExecutionRequest request, CancellationToken cancellationToken);
}

/// <summary>What a child execution starts from.</summary>
public sealed record ChildExecutionRequest(
    string Tenant, string ParentExecutionId, string ParentNodeId, string ChildExecutionId, Guid WorkflowId, JsonNode? Input, int Depth);

/// <summary>
/// A child execution as seen at start: still running (the parent waits for its completion notice), or already
/// finished (a replay after a crash, or a child that completed at once). <see cref="Error"/> is set when it failed.
/// </summary>
public sealed record ChildExecutionStatus(string ExecutionId, string Status, JsonNode? Result, NodeError? Error, bool WorkflowFound = true);
