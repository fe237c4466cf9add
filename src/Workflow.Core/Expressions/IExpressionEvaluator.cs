using System.Text.Json.Nodes;

namespace Workflow.Core.Expressions;

/// <summary>
/// Evaluates <c>{{ }}</c> templates and JavaScript in the sandbox. Implementations are thread-safe.
/// Failures (syntax, runtime, sandbox limits) are thrown as <see cref="ExpressionException"/>.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Resolves a template value: strings holding <c>{{ expr }}</c> are evaluated (a whole-value expression keeps
    /// its type, otherwise results are spliced into the text); objects and arrays are resolved recursively;
    /// everything else is returned as a copy.
    /// </summary>
    JsonNode? Resolve(JsonNode? template, ExpressionScope scope);

    /// <summary>Evaluates one JavaScript expression (with or without surrounding <c>{{ }}</c>).</summary>
    JsonNode? Evaluate(string expression, ExpressionScope scope);

    /// <summary>Runs a JavaScript function body; its <c>return</c> value is the result.</summary>
    JsonNode? Run(string functionBody, ExpressionScope scope);
}
