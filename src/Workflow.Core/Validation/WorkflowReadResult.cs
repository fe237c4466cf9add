using System.Diagnostics.CodeAnalysis;
using Workflow.Core.Graph;

namespace Workflow.Core.Validation;

/// <summary>What <see cref="WorkflowDocumentReader"/> made of raw input: a document, or the one error that stopped it.</summary>
public sealed record WorkflowReadResult
{
    private WorkflowReadResult(WorkflowDocument? document, ValidationError? error)
    {
        Document = document;
        Error = error;
    }

    /// <summary>The document, when reading succeeded. It still needs <see cref="WorkflowValidator"/>.</summary>
    public WorkflowDocument? Document { get; }

    /// <summary>Why reading failed: <c>too_large</c>, <c>too_deep</c>, <c>invalid_json</c> or <c>invalid_document</c>.</summary>
    public ValidationError? Error { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Document is not null;

    public static WorkflowReadResult Success(WorkflowDocument document) => new(document ?? throw new ArgumentNullException(nameof(document)), null);

    public static WorkflowReadResult Failure(ValidationError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    public static WorkflowReadResult Failure(string code, string message) => Failure(new ValidationError(code, message));
}
