using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Auth.Contracts;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Credentials;

namespace Workflow.Api.Endpoints;

/// <summary>
/// <c>/api/credentials</c>: named secrets for nodes. Values are write-only: every answer carries metadata
/// (<c>id, name, type, createdAt, updatedAt</c>) and never <c>data</c>. Admins only; key rotation is cluster-wide,
/// so it also needs the system administrator.
/// </summary>
public static class CredentialEndpoints
{
    private const string TargetType = "credential";
    private static readonly HashSet<string> BodyMembers = new(StringComparer.Ordinal) { "name", "type", "data" };

    /// <summary>Maps the credential endpoints (policy <c>admin</c>; rotation also <c>sysadmin</c>).</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapCredentialEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/credentials").WithTags("Credentials").RequireAuthorization("admin");
        group.MapGet("/", ListAsync).Produces<ItemsPage<CredentialResponse>>();
        group.MapPost("/", CreateAsync).Accepts<CreateCredentialRequest>("application/json").Produces<CredentialResponse>(StatusCodes.Status201Created);
        group.MapPost("/rotate-key", RotateKeyAsync).RequireAuthorization("sysadmin");
        group.MapGet("/{id}", GetAsync).Produces<CredentialResponse>();
        group.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    /// <summary>Lists the tenant's credentials by name; <c>limit</c> 1..500 (default 100), <c>cursor</c> from the previous page.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        HttpContext context, IGrainFactory grains, int? limit = null, string? cursor = null)
    {
        string? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = DecodeCursor(cursor)) is null)
        {
            return ApiProblems.InvalidCursor();
        }

        var size = Math.Clamp(limit ?? 100, 1, 500);
        var all = await grains.GetGrain<ICredentialIndexGrain>(TenantResolver.TenantOf(context)).ListAsync();
        var page = all.Where(c => after is null || string.Compare(c.Name, after, StringComparison.OrdinalIgnoreCase) > 0).Take(size + 1).ToList();
        var next = page.Count > size ? EncodeCursor(page[size - 1].Name) : null;
        var items = new JsonArray(page.Take(size).Select(c => (JsonNode?)ToJson(c)).ToArray());
        return TypedResults.Ok(ApiLists.Page(items, next));
    }

    /// <summary>Creates a credential from <c>{name, type, data}</c>; answers 201 with its metadata.</summary>
    public static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        HttpContext context, IGrainFactory grains, ApiLimits limits, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, limits, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.FromReadError(error);
        }

        if (ReadInput(body, out var problem) is not { } input)
        {
            AuditTrail.Record(context, AuditActions.CredentialCreate, TargetType, null, AuditOutcomes.Failed, "invalid_credential");
            return Invalid(problem);
        }

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<ICredentialGrain>(GrainKeys.For(TenantResolver.TenantOf(context), id)).CreateAsync(input);
        AuditTrail.Record(context, AuditActions.CredentialCreate, TargetType, result.Ok ? id.ToString() : null,
            result.Ok ? AuditOutcomes.Success : AuditOutcomes.Failed, result.Ok ? $"{result.Credential!.Type} '{result.Credential.Name}'" : result.ErrorCode);
        return result.ErrorCode switch
        {
            null => TypedResults.Created($"/api/credentials/{id}", ToJson(result.Credential!)),
            "invalid_credential" => Invalid(result.ErrorMessage!),
            _ => ApiProblems.Problem(StatusCodes.Status409Conflict, result.ErrorCode, "The credential conflicts with another.", result.ErrorMessage),
        };
    }

    /// <summary>Answers one credential's metadata; an unknown id or another tenant's answers 404.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(HttpContext context, string id, IGrainFactory grains) =>
        Grain(context, id, grains) is { } grain && await grain.GetAsync() is { } credential
            ? TypedResults.Ok(ToJson(credential))
            : ApiProblems.NotFound("Credential");

    /// <summary>Deletes a credential and its ciphertext; 204, or 404 for an unknown id or another tenant's.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, string id, IGrainFactory grains)
    {
        var deleted = Grain(context, id, grains) is { } grain && await grain.DeleteAsync();
        AuditTrail.Record(context, AuditActions.CredentialDelete, TargetType, id, deleted ? AuditOutcomes.Success : AuditOutcomes.Failed,
            deleted ? null : "not_found");
        return deleted ? TypedResults.NoContent() : ApiProblems.NotFound("Credential");
    }

    /// <summary>Makes a new encryption key active; answers <c>{keyId, previousKeyId}</c>, or 409 <c>keys_configured</c>.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RotateKeyAsync(
        HttpContext context, ICredentialKeyAdmin keys, CancellationToken cancellationToken)
    {
        var rotation = await keys.RotateKeyAsync(cancellationToken);
        AuditTrail.Record(context, AuditActions.CredentialRotate, "credentialKey", rotation.KeyId ?? rotation.PreviousKeyId,
            rotation.Ok ? AuditOutcomes.Success : AuditOutcomes.Failed, rotation.Ok ? $"previous key {rotation.PreviousKeyId}" : rotation.ErrorCode);
        return rotation.Ok
            ? TypedResults.Ok(new JsonObject { ["keyId"] = rotation.KeyId, ["previousKeyId"] = rotation.PreviousKeyId })
            : ApiProblems.Problem(StatusCodes.Status409Conflict, rotation.ErrorCode!, "The key cannot be rotated here.", rotation.ErrorMessage);
    }

    private static CredentialInput? ReadInput(JsonNode? body, out string problem)
    {
        problem = "";
        if (body is not JsonObject fields)
        {
            problem = "The body must be an object like {\"name\": …, \"type\": …, \"data\": {…}}.";
            return null;
        }

        if (fields.Select(member => member.Key).FirstOrDefault(name => !BodyMembers.Contains(name)) is { } unknown)
        {
            problem = $"Unknown member '{(unknown.Length > 64 ? unknown[..64] : unknown)}'; expected name, type and data.";
            return null;
        }

        if (Text(fields["name"]) is not { } name || Text(fields["type"]) is not { } type || fields["data"] is not JsonObject data)
        {
            problem = "name and type must be strings and data an object.";
            return null;
        }

        return new CredentialInput { Name = name, Type = type, DataJson = data.ToJsonString() };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static ProblemHttpResult Invalid(string detail) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_credential", "The credential is not valid.", detail);

    private static ICredentialGrain? Grain(HttpContext context, string id, IGrainFactory grains) =>
        Guid.TryParse(id, out var credentialId)
            ? grains.GetGrain<ICredentialGrain>(GrainKeys.For(TenantResolver.TenantOf(context), credentialId))
            : null;

    private static JsonObject ToJson(CredentialInfo credential) => new()
    {
        ["id"] = credential.Id,
        ["name"] = credential.Name,
        ["type"] = credential.Type,
        ["createdAt"] = credential.CreatedAt,
        ["updatedAt"] = credential.UpdatedAt,
    };

    private static string EncodeCursor(string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("n:" + name));

    private static string? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("n:", StringComparison.Ordinal) ? text[2..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
