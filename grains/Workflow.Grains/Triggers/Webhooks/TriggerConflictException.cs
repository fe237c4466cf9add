namespace Workflow.Grains.Triggers.Webhooks;

/// <summary>
/// A trigger cannot be registered because another active workflow holds what it claims (a webhook path).
/// The workflow grain turns it into the <c>trigger_conflict</c> error (409) and keeps the previous status.
/// </summary>
public sealed class TriggerConflictException : InvalidOperationException
{
    public TriggerConflictException()
    {
    }

    public TriggerConflictException(string message) : base(message)
    {
    }

    public TriggerConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
