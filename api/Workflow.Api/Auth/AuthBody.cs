using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Http;

namespace Workflow.Api.Auth;

/// <summary>Reads the small JSON bodies of the auth and user endpoints within the API input limits.</summary>
public static class AuthBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or the problem that refused it.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, ApiLimits limits, CancellationToken cancellationToken)
        where T : class
    {
        var (node, error) = await JsonBody.ReadAsync(request, limits, cancellationToken);
        if (error is not null)
        {
            return (null, ApiProblems.FromReadError(error));
        }
        if (node is not System.Text.Json.Nodes.JsonObject)
        {
            return (null, Invalid("The body must be a JSON object."));
        }
        try
        {
            return (node.Deserialize<T>(Json), null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid($"The body does not have the expected shape: {ex.Path}"));
        }
    }

    private static ProblemHttpResult Invalid(string detail) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_body", "The request body is not valid.", detail);
}
