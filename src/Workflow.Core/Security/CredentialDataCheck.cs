namespace Workflow.Core.Security;

/// <summary>
/// The outcome of <see cref="CredentialDataValidator.Validate"/>: the canonical type and the normalized data JSON,
/// or why the data was refused. <see cref="ToString"/> never shows the data.
/// </summary>
/// <param name="Type">The canonical type name; empty when the type is unknown.</param>
/// <param name="DataJson">The normalized data as compact JSON (secret!); null when invalid.</param>
/// <param name="Error">Why the data was refused, naming fields but never their values; null when valid.</param>
public sealed record CredentialDataCheck(string Type, string? DataJson, string? Error)
{
    /// <summary>Gets a value indicating whether the data is valid for its type.</summary>
    public bool Valid => Error is null && DataJson is not null;

    /// <inheritdoc />
    public override string ToString() => Valid ? $"valid {Type} credential data" : $"invalid credential data: {Error}";
}
