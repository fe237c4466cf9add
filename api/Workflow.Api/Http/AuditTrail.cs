using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Grains.Abstractions.Audit;

namespace Workflow.Api.Http;

/// <summary>
/// Records what a request did in the audit trail: tenant and actor from the authenticated identity, the caller's
/// IP, the time from the registered <see cref="TimeProvider"/>. Appending only queues, so it costs the request
/// next to nothing. Never pass a secret as <c>detail</c>.
/// </summary>
public static class AuditTrail
{
    /// <summary>The actor of a request: claim <c>sub</c>, or <c>anonymous</c>.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The username.</returns>
    public static string ActorOf(HttpContext context) => context.User.FindFirst("sub")?.Value is { Length: > 0 } actor ? actor : "anonymous";

    /// <summary>Appends one entry for the current request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="action">The action, e.g. <see cref="AuditActions.WorkflowCreate"/>.</param>
    /// <param name="targetType">The kind of target: workflow, execution, credential, user…</param>
    /// <param name="targetId">The target's id.</param>
    /// <param name="outcome">One of <see cref="AuditOutcomes"/>.</param>
    /// <param name="detail">A short note such as an error code or a new status; never a secret.</param>
    public static void Record(HttpContext context, string action, string targetType, string? targetId, string outcome = AuditOutcomes.Success, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        RecordFor(context, TenantResolver.TenantOf(context), ActorOf(context), action, targetType, targetId, outcome, detail);
    }

    /// <summary>Appends one entry for a request whose tenant and actor are not (yet) its identity, e.g. a failed sign-in.</summary>
    public static void RecordFor(HttpContext context, string tenantId, string actor, string action, string targetType, string? targetId,
        string outcome = AuditOutcomes.Success, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        services.GetRequiredService<IAuditLog>().Append(new AuditEntry
        {
            TenantId = tenantId,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Outcome = outcome,
            Detail = detail,
            Ip = context.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
