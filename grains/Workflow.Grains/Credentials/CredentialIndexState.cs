using Workflow.Grains.Abstractions.Credentials;

namespace Workflow.Grains.Credentials;

/// <summary>State of <see cref="CredentialIndexGrain"/>: metadata only.</summary>
public sealed class CredentialIndexState
{
    /// <summary>Gets or sets the tenant's credentials by id.</summary>
    public Dictionary<Guid, CredentialInfo> Items { get; set; } = [];
}
