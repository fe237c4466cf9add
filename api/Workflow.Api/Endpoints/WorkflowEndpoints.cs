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
using Workflow.Core.Validation;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Workflows;

namespace Workflow.Api.Endpoints;

/// <summary><c>/api/workflows</c>: CRUD, validation, status changes and versions.</summary>
public static class WorkflowEndpoints
{
    private const string Target = "workflow";

    public static RouteGroupBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).Produces<ItemsPage<WorkflowSummary>>();
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Editor).Accepts<WorkflowDocument>("application/json").Produces<WorkflowDocument>(StatusCodes.Status201Created);
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Editor).Accepts<WorkflowDocument>("application/json").Produces<ValidationResponse>();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Viewer).Produces<WorkflowDocument>();
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Editor).Accepts<WorkflowDocument>("application/json").Produces<WorkflowDocument>();
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("/{id}/activate", (HttpContext c, string id, IGrainFactory g, WorkflowValidator v) => SetStatusAsync(c, id, "active", g, v)).RequireAuthorization(Policies.Editor).Produces<WorkflowDocument>();
        group.MapPost("/{id}/pause", (HttpContext c, string id, IGrainFactory g, WorkflowValidator v) => SetStatusAsync(c, id, "paused", g, v)).RequireAuthorization(Policies.Editor).Produces<WorkflowDocument>();
        group.MapPost("/{id}/archive", (HttpContext c, string id, IGrainFactory g, WorkflowValidator v) => SetStatusAsync(c, id, "archived", g, v)).RequireAuthorization(Policies.Editor).Produces<WorkflowDocument>();
        group.MapGet("/{id}/versions", VersionsAsync).RequireAuthorization(Policies.Viewer).Produces<ItemsPage<WorkflowVersionInfo>>();
        group.MapGet("/{id}/versions/{version:int}", VersionAsync).RequireAuthorization(Policies.Viewer).Produces<WorkflowDocument>();
        return group;
    }

    public static async Task<Ok<JsonObject>> ListAsync(HttpContext context, IGrainFactory grains, string? search = null, string? status = null)
    {
        var all = await grains.GetGrain<IWorkflowIndexGrain>(TenantResolver.TenantOf(context)).ListAsync();
        var items = new JsonArray();
        foreach (var w in all.Where(w => (search is null || w.Name.Contains(search, StringComparison.OrdinalIgnoreCase)) &&
                                         (status is null || w.Status == status)))
        {
            items.Add(new JsonObject
            {
                ["id"] = w.Id, ["name"] = w.Name, ["description"] = w.Description, ["category"] = w.Category,
                ["status"] = w.Status, ["version"] = w.Version, ["updatedAt"] = w.UpdatedAt,
            });
        }
        return TypedResults.Ok(ApiLists.Page(items, null));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> CreateAsync(
        HttpContext context, IGrainFactory grains, WorkflowValidator validator, WorkflowLimits limits, CancellationToken cancellationToken)
    {
        var read = await WorkflowDocumentReader.ReadAsync(context.Request.Body, limits, cancellationToken);
        if (!read.Succeeded)
        {
            return ApiProblems.FromReadError(read.Error);
        }
        var result = validator.Validate(read.Document);
        if (!result.Valid)
        {
            AuditTrail.Record(context, AuditActions.WorkflowCreate, Target, null, AuditOutcomes.Failed, "validation_failed");
            return ApiProblems.Invalid(result.Errors);
        }
        var id = Guid.NewGuid();
        var saved = await grains.GetGrain<IWorkflowGrain>(GrainKeys.For(TenantResolver.TenantOf(context), id))
            .CreateAsync(WorkflowJson.Serialize(read.Document));
        if (!saved.Ok)
        {
            AuditTrail.Record(context, AuditActions.WorkflowCreate, Target, id.ToString(), AuditOutcomes.Failed, saved.ErrorCode);
            return ToProblem(saved);
        }
        AuditTrail.Record(context, AuditActions.WorkflowCreate, Target, id.ToString(), detail: read.Document.Name);
        context.Response.Headers.Location = $"/api/workflows/{id}";
        context.Response.Headers.ETag = $"\"1\"";
        return TypedResults.Text(saved.DocumentJson!, "application/json", statusCode: StatusCodes.Status201Created);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ValidateAsync(
        HttpContext context, WorkflowValidator validator, WorkflowLimits limits, CancellationToken cancellationToken)
    {
        var read = await WorkflowDocumentReader.ReadAsync(context.Request.Body, limits, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error.Code == "invalid_document" ? Validation([read.Error], []) : ApiProblems.FromReadError(read.Error);
        }
        var result = validator.Validate(read.Document);
        return Validation(result.Errors, result.Warnings);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (Grain(context, id, grains) is not { } grain)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var json = await grain.GetAsync();
        if (json is null)
        {
            return ApiProblems.NotFound("Workflow");
        }
        context.Response.Headers.ETag = $"\"{WorkflowJson.Deserialize(json).Version}\"";
        return TypedResults.Text(json, "application/json");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> UpdateAsync(
        HttpContext context, string id, IGrainFactory grains, WorkflowValidator validator, WorkflowLimits limits, CancellationToken cancellationToken)
    {
        if (Grain(context, id, grains) is not { } grain || await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "if_match_required",
                "PUT needs an If-Match header with the version you edited.");
        }
        if (!int.TryParse(ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' '), out var expected))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_if_match", "If-Match must hold a workflow version number.");
        }
        var read = await WorkflowDocumentReader.ReadAsync(context.Request.Body, limits, cancellationToken);
        if (!read.Succeeded)
        {
            return ApiProblems.FromReadError(read.Error);
        }
        var result = validator.Validate(read.Document);
        if (!result.Valid)
        {
            AuditTrail.Record(context, AuditActions.WorkflowUpdate, Target, id, AuditOutcomes.Failed, "validation_failed");
            return ApiProblems.Invalid(result.Errors);
        }
        var saved = await grain.UpdateAsync(WorkflowJson.Serialize(read.Document), expected);
        if (!saved.Ok)
        {
            AuditTrail.Record(context, AuditActions.WorkflowUpdate, Target, id, AuditOutcomes.Failed, saved.ErrorCode);
            return ToProblem(saved);
        }
        AuditTrail.Record(context, AuditActions.WorkflowUpdate, Target, id, detail: $"version {expected + 1}");
        context.Response.Headers.ETag = $"\"{expected + 1}\"";
        return TypedResults.Text(saved.DocumentJson!, "application/json");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (Grain(context, id, grains) is not { } grain || !await grain.DeleteAsync())
        {
            return ApiProblems.NotFound("Workflow");
        }
        AuditTrail.Record(context, AuditActions.WorkflowDelete, Target, id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> SetStatusAsync(
        HttpContext context, string id, string status, IGrainFactory grains, WorkflowValidator validator)
    {
        if (Grain(context, id, grains) is not { } grain || await grain.GetAsync() is not { } json)
        {
            return ApiProblems.NotFound("Workflow");
        }
        if (status == "active")
        {
            var result = validator.Validate(WorkflowJson.Deserialize(json));
            if (!result.Valid)
            {
                AuditTrail.Record(context, AuditActions.WorkflowStatus, Target, id, AuditOutcomes.Failed, "validation_failed");
                return ApiProblems.Invalid(result.Errors);
            }
        }
        var saved = await grain.SetStatusAsync(status);
        AuditTrail.Record(context, AuditActions.WorkflowStatus, Target, id, saved.Ok ? AuditOutcomes.Success : AuditOutcomes.Failed,
            saved.Ok ? status : saved.ErrorCode);
        return saved.Ok ? TypedResults.Text(saved.DocumentJson!, "application/json") : ToProblem(saved);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> VersionsAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (Grain(context, id, grains) is not { } grain || await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var items = new JsonArray();
        foreach (var v in await grain.ListVersionsAsync())
        {
            items.Add(new JsonObject { ["version"] = v.Version, ["savedAt"] = v.SavedAt });
        }
        return TypedResults.Ok(ApiLists.Page(items, null));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> VersionAsync(HttpContext context, string id, int version, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var workflowId) || Grain(context, id, grains) is not { } grain || await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Workflow");
        }
        var json = await grains.GetGrain<IWorkflowVersionGrain>(GrainKeys.ForVersion(TenantResolver.TenantOf(context), workflowId, version)).GetAsync();
        return json is null ? ApiProblems.NotFound("Version") : TypedResults.Text(json, "application/json");
    }

    /// <summary>The workflow grain of the caller's tenant, or null when the id is not a GUID.</summary>
    internal static IWorkflowGrain? Grain(HttpContext context, string id, IGrainFactory grains) =>
        Guid.TryParse(id, out var workflowId) ? grains.GetGrain<IWorkflowGrain>(GrainKeys.For(TenantResolver.TenantOf(context), workflowId)) : null;

    private static Ok<JsonObject> Validation(IEnumerable<ValidationError> errors, IEnumerable<ValidationError> warnings) =>
        TypedResults.Ok(new JsonObject
        {
            ["valid"] = !errors.Any(),
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)System.Text.Json.JsonSerializer.SerializeToNode(ApiProblems.ToWire(e))).ToArray()),
            ["warnings"] = new JsonArray(warnings.Select(e => (JsonNode?)System.Text.Json.JsonSerializer.SerializeToNode(ApiProblems.ToWire(e))).ToArray()),
        });

    private static ProblemHttpResult ToProblem(WorkflowResult result) => result.ErrorCode switch
    {
        "not_found" => ApiProblems.NotFound("Workflow"),
        "version_conflict" => ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "version_conflict", "The workflow changed since you loaded it.", result.ErrorMessage),
        "name_conflict" => ApiProblems.Problem(StatusCodes.Status409Conflict, "name_conflict", "The name is taken.", result.ErrorMessage),
        _ => ApiProblems.Problem(StatusCodes.Status409Conflict, result.ErrorCode ?? "conflict", "The change was refused.", result.ErrorMessage),
    };
}
