namespace Workflow.Core.Validation;

/// <summary>Errors make a document invalid; warnings (e.g. unreachable nodes) do not.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors, IReadOnlyList<ValidationError> Warnings)
{
    public bool Valid => Errors.Count == 0;
}
