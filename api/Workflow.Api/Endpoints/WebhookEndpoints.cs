using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Http;
using Workflow.Api.Webhooks;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Audit;
using Workflow.Grains.Abstractions.Executions;
using Workflow.Grains.Abstractions.Triggers.Webhooks;

namespace Workflow.Api.Endpoints;

/// <summary>
/// <c>ANY /hooks/{tenant}/{**path}</c>: starts the active workflow registered at that path. Anonymous as far as
/// the API's auth goes; each trigger brings its own (HMAC signature or API key). The tenant comes from the URL.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Longest time <c>lastNode</c> and <c>respondNode</c> wait before answering 202 with the execution id.</summary>
    public static readonly TimeSpan MaxResponseWait = TimeSpan.FromSeconds(30);

    /// <summary>Where webhook routes start; requests under it are not authenticated by the API's schemes.</summary>
    public const string PathPrefix = "/hooks";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.Map(PathPrefix + "/{tenant}/{**path}", HandleAsync).AllowAnonymous().WithTags("Webhooks").ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> HandleAsync(HttpContext context, string tenant, string? path, IGrainFactory grains,
        ExecutionGrains executions, WebhookRouteCache routes, ApiLimits limits, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var normalised = WebhookPaths.Normalise(path);
        if (normalised.Length == 0 || await WebhookRoutes.FindAsync(grains, routes, tenant, normalised) is not { } route)
        {
            return ApiProblems.NotFound("Webhook");
        }
        var registration = route.Registration;
        if (registration.Method != WebhookModes.AnyMethod && !HttpMethods.Equals(registration.Method, context.Request.Method))
        {
            context.Response.Headers.Allow = registration.Method;
            return ApiProblems.Problem(StatusCodes.Status405MethodNotAllowed, "method_not_allowed",
                $"This webhook accepts {registration.Method}.");
        }
        var body = await WebhookRequest.ReadBodyAsync(context.Request, limits.MaxInputBytes, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too_large", "The request body is too large.",
                $"The body is larger than {limits.MaxInputBytes:N0} bytes.");
        }
        if (WebhookAuth.Verify(registration, context.Request, body, time.GetUtcNow()) is { } refused)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, refused, refused switch
            {
                "stale_timestamp" => "The webhook timestamp is too far from the server time.",
                "invalid_api_key" => "The API key is missing or wrong.",
                _ => "The webhook signature is missing or wrong.",
            });
        }
        var (data, invalid) = WebhookRequest.ToTriggerData(context.Request, body, registration, limits);
        if (data is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_json", "The request body is not valid.", invalid);
        }

        // A signed delivery has an id: its execution id derives from it, so a replay finds the first run and starts nothing.
        var deliveryId = registration.AuthType == WebhookModes.AuthHmac ? context.Request.Headers[WebhookAuth.IdHeader].ToString() : null;
        var executionId = deliveryId is null
            ? Core.Execution.ExecutionIds.New()
            : DeterministicId($"{tenant}:{registration.WorkflowId}:{registration.NodeId}:{deliveryId}");
        var grain = executions.Get(tenant, executionId);
        if (deliveryId is not null && await grain.GetAsync() is not null)
        {
            return WebhookResults.Duplicate(executionId);
        }
        var wait = limits.MaxWait < MaxResponseWait ? limits.MaxWait : MaxResponseWait;
        var view = await grain.StartAsync(new StartExecution
        {
            WorkflowId = registration.WorkflowId,
            WorkflowVersion = registration.Version,
            WorkflowJson = route.WorkflowJson,
            IsSavedVersion = true,
            IsNewExecution = deliveryId is null,
            TriggerNodeId = registration.NodeId,
            TriggerJson = data.ToJsonString(),
            TriggeredBy = "webhook",
            // A lastNode/respondNode caller is answered only once the run settled (durably); a signed delivery is
            // deduplicated by its id, so its start must be stored before anyone can ask for it again.
            CallerAwaitsOutcome = deliveryId is null && registration.ResponseMode != WebhookModes.OnReceived,
            WaitForOutcome = registration.ResponseMode == WebhookModes.OnReceived ? null : wait,
            // The answer needs the result, or the respond nodes' outputs: no other output is serialised for it.
            AnswerOutputsOf = registration.ResponseMode == WebhookModes.RespondNode ? [.. route.RespondNodeIds] : [],
        });
        AuditTrail.RecordFor(context, tenant, "webhook", AuditActions.ExecutionStart, "execution", executionId,
            detail: registration.WorkflowId.ToString());
        return registration.ResponseMode == WebhookModes.OnReceived
            ? WebhookResults.Accepted(executionId)
            : WebhookResults.From(route, view);
    }

    /// <summary>The execution id of a webhook delivery (<see cref="Core.Execution.DeterministicIds"/>, as every trigger uses).</summary>
    public static string DeterministicId(string dedupeKey) => Core.Execution.DeterministicIds.From(dedupeKey);
}
