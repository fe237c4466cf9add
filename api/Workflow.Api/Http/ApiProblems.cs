using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Validation;

namespace Workflow.Api.Http;

/// <summary>RFC 7807 problem responses, each with a stable <c>code</c> extension.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string code, string title, string? detail = null, object? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://workflow.dev/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>A list cursor this server did not issue.</summary>
    public static ProblemHttpResult InvalidCursor() =>
        Problem(StatusCodes.Status400BadRequest, "invalid_cursor", "The cursor is not valid.");

    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not_found", $"{what} not found.");

    public static ProblemHttpResult Invalid(IReadOnlyList<ValidationError> errors) =>
        Problem(StatusCodes.Status400BadRequest, "validation_failed", "The workflow is invalid.",
            string.Join(" ", errors.Take(5).Select(e => e.Message)), errors.Select(ToWire).ToArray());

    /// <summary>Maps a reader error (too_large → 413, everything else → 400).</summary>
    public static ProblemHttpResult FromReadError(ValidationError error) =>
        Problem(error.Code == "too_large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            error.Code, error.Code == "too_large" ? "The request body is too large." : "The request body is not valid.",
            error.Message, new[] { ToWire(error) });

    public static object ToWire(ValidationError error) => new { code = error.Code, message = error.Message, nodeId = error.NodeId, edgeId = error.EdgeId };
}
