using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth;
using Workflow.Api.Auth.Contracts;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Core.Graph;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.History;

namespace Workflow.Api.Endpoints;

/// <summary>Starting, reading and controlling executions.</summary>
public static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflows/{id}/executions", StartAsync).WithTags("Executions").RequireAuthorization(Policies.Operator)
            .Accepts<StartExecutionRequest>("application/json").Produces<ExecutionStarted>(StatusCodes.Status202Accepted).Produces<ExecutionResponse>();
        var group = app.MapGroup("/api/executions").WithTags("Executions");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).Produces<ItemsPage<ExecutionSummary>>();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Viewer).Produces<ExecutionResponse>();
        group.MapPost("/{id}/cancel", (HttpContext c, string id, IGrainFactory g) =>
            ControlAsync(c, id, g, AuditActions.ExecutionCancel, null, e => e.CancelAsync())).RequireAuthorization(Policies.Operator).Produces<ExecutionResponse>();
        group.MapPost("/{id}/retry", (HttpContext c, string id, IGrainFactory g) =>
            ControlAsync(c, id, g, AuditActions.ExecutionRetry, null, e => e.RetryAsync())).RequireAuthorization(Policies.Operator).Produces<ExecutionResponse>();
        group.MapPost("/{id}/pause", (HttpContext c, string id, IGrainFactory g) =>
            ControlAsync(c, id, g, AuditActions.ExecutionPause, null, e => e.PauseAsync())).RequireAuthorization(Policies.Operator).Produces<ExecutionResponse>();
        group.MapPost("/{id}/resume", (HttpContext c, string id, IGrainFactory g) =>
            ControlAsync(c, id, g, AuditActions.ExecutionResume, null, e => e.ResumeAsync())).RequireAuthorization(Policies.Operator).Produces<ExecutionResponse>();
        group.MapPost("/{id}/signals/{nodeId}", SignalAsync).RequireAuthorization(Policies.Operator).Produces<ExecutionResponse>();
        return app;
    }

    public static async Task<Results<Accepted<JsonObject>, Ok<JsonObject>, ProblemHttpResult>> StartAsync(
        HttpContext context, string id, IGrainFactory grains, ExecutionGrains executions, ApiLimits limits, bool wait = false,
        CancellationToken cancellationToken = default)
    {
        if (WorkflowEndpoints.Grain(context, id, grains) is not { } workflowGrain || await workflowGrain.GetAsync() is not { } json)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var (body, error) = await JsonBody.ReadAsync(context.Request, limits, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.FromReadError(error);
        }
        if (body is not null and not JsonObject)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_body", "The body must be an object like {\"input\": {…}}.");
        }
        var document = WorkflowJson.Deserialize(json);
        if (document.Status == WorkflowStatus.Archived)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "workflow_archived", "An archived workflow cannot run.");
        }
        var executionId = Core.Execution.ExecutionIds.New();
        var tenant = TenantResolver.TenantOf(context);
        var grain = executions.Get(tenant, executionId);
        var view = await grain.StartAsync(new StartExecution
        {
            WorkflowId = document.Id,
            WorkflowVersion = document.Version,
            WorkflowJson = json,
            IsSavedVersion = true,
            IsNewExecution = true,
            TriggerJson = body?["input"]?.ToJsonString(),
            TriggeredBy = "manual",
        });
        AuditTrail.Record(context, AuditActions.ExecutionStart, "execution", executionId, detail: $"workflow {document.Id} v{document.Version}");
        if (!wait)
        {
            return TypedResults.Accepted($"/api/executions/{executionId}", new JsonObject { ["executionId"] = executionId });
        }
        var settled = await grain.WaitAsync(limits.MaxWait) ?? view;
        return TypedResults.Ok(ExecutionJson.From(settled));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (Grain(context, id, grains) is not { } grain || await grain.GetAsync() is not { } view)
        {
            return ApiProblems.NotFound("Execution");
        }
        return TypedResults.Ok(ExecutionJson.From(view));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        HttpContext context, IExecutionHistoryStore history, Guid? workflowId = null, string? status = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ExecutionPage page;
        try
        {
            page = await history.QueryAsync(new ExecutionQuery
            {
                TenantId = TenantResolver.TenantOf(context),
                WorkflowId = workflowId,
                Status = status,
                From = from,
                To = to,
                Limit = limit ?? 50,
                Cursor = cursor,
            }, cancellationToken);
        }
        catch (ArgumentException)
        {
            return ApiProblems.InvalidCursor();
        }
        var items = new JsonArray(page.Items.Select(r => (JsonNode?)ExecutionJson.From(r)).ToArray());
        return TypedResults.Ok(ApiLists.Page(items, page.NextCursor));
    }

    /// <summary>
    /// Delivers a signal (e.g. an approval decision) to a waiting <c>wait</c> node; the body is the payload, which
    /// becomes the node's output. 404 for an unknown execution or node, 409 when the node is not waiting.
    /// </summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SignalAsync(
        HttpContext context, string id, string nodeId, IGrainFactory grains, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, limits, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.FromReadError(error);
        }
        return await ControlAsync(context, id, grains, AuditActions.ExecutionSignal, nodeId, e => e.SignalAsync(nodeId, body?.ToJsonString()));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ControlAsync(
        HttpContext context, string id, IGrainFactory grains, string auditAction, string? auditDetail, Func<IExecutionGrain, Task<ControlResult>> action)
    {
        if (Grain(context, id, grains) is not { } grain || await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Execution");
        }
        var result = await action(grain);
        AuditTrail.Record(context, auditAction, "execution", id, result.ErrorCode is null ? AuditOutcomes.Success : AuditOutcomes.Failed,
            result.ErrorCode is null ? auditDetail : $"{result.ErrorCode} {auditDetail}".Trim());
        return result.ErrorCode switch
        {
            null => TypedResults.Ok(ExecutionJson.From(result.View!)),
            "not_found" or "unknown_node" => ApiProblems.Problem(StatusCodes.Status404NotFound, result.ErrorCode, "Not found.", result.ErrorMessage),
            _ => ApiProblems.Problem(StatusCodes.Status409Conflict, result.ErrorCode, "The execution cannot do that now.", result.ErrorMessage),
        };
    }

    private static IExecutionGrain? Grain(HttpContext context, string id, IGrainFactory grains) =>
        Guid.TryParse(id, out var executionId)
            ? grains.GetGrain<IExecutionGrain>(GrainKeys.For(TenantResolver.TenantOf(context), executionId.ToString()))
            : null;
}
