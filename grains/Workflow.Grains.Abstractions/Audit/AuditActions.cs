namespace Workflow.Grains.Abstractions.Audit;

/// <summary>The action names of the audit trail: <c>{target}.{verb}</c>, so that a prefix filter selects a target kind.</summary>
public static class AuditActions
{
    /// <summary>A workflow was created.</summary>
    public const string WorkflowCreate = "workflow.create";

    /// <summary>A workflow's document was changed.</summary>
    public const string WorkflowUpdate = "workflow.update";

    /// <summary>A workflow was deleted.</summary>
    public const string WorkflowDelete = "workflow.delete";

    /// <summary>A workflow was activated, paused or archived (the detail holds the new status).</summary>
    public const string WorkflowStatus = "workflow.status";

    /// <summary>A credential was created.</summary>
    public const string CredentialCreate = "credential.create";

    /// <summary>A credential was deleted.</summary>
    public const string CredentialDelete = "credential.delete";

    /// <summary>The credential encryption key was rotated.</summary>
    public const string CredentialRotate = "credential.rotate";

    /// <summary>A user was created.</summary>
    public const string UserCreate = "user.create";

    /// <summary>A user was deleted.</summary>
    public const string UserDelete = "user.delete";

    /// <summary>An API key was created.</summary>
    public const string ApiKeyCreate = "apikey.create";

    /// <summary>An API key was deleted.</summary>
    public const string ApiKeyDelete = "apikey.delete";

    /// <summary>A tenant was created.</summary>
    public const string TenantCreate = "tenant.create";

    /// <summary>An execution was started.</summary>
    public const string ExecutionStart = "execution.start";

    /// <summary>An execution was cancelled.</summary>
    public const string ExecutionCancel = "execution.cancel";

    /// <summary>An execution was paused.</summary>
    public const string ExecutionPause = "execution.pause";

    /// <summary>A paused execution was resumed.</summary>
    public const string ExecutionResume = "execution.resume";

    /// <summary>A failed execution was retried.</summary>
    public const string ExecutionRetry = "execution.retry";

    /// <summary>A signal was delivered to a waiting execution.</summary>
    public const string ExecutionSignal = "execution.signal";

    /// <summary>A login attempt failed (actor = the username tried, outcome <c>denied</c>).</summary>
    public const string AuthLoginFailed = "auth.login_failed";

    /// <summary>An authenticated caller lacked the role an endpoint needs (outcome <c>denied</c>, detail = the role).</summary>
    public const string AuthDenied = "auth.denied";
}
