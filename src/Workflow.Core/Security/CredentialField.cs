namespace Workflow.Core.Security;

/// <summary>One field of a credential type's data.</summary>
internal sealed record CredentialField(string Name, CredentialFieldKind Kind, bool Required);
