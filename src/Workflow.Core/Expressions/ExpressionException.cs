namespace Workflow.Core.Expressions;

/// <summary>
/// An expected failure of user script: syntax error, runtime error or a sandbox limit.
/// <see cref="Code"/> is stable: <c>expression_syntax</c>, <c>expression_error</c>, <c>expression_timeout</c>,
/// <c>expression_statement_limit</c>, <c>expression_memory_limit</c>, <c>expression_recursion_limit</c>.
/// </summary>
public sealed class ExpressionException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
