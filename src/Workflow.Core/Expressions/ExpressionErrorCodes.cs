namespace Workflow.Core.Expressions;

/// <summary>The stable codes carried by <see cref="ExpressionException.Code"/>.</summary>
internal static class ExpressionErrorCodes
{
    public const string Syntax = "expression_syntax";
    public const string Error = "expression_error";
    public const string Timeout = "expression_timeout";
    public const string StatementLimit = "expression_statement_limit";
    public const string MemoryLimit = "expression_memory_limit";
    public const string RecursionLimit = "expression_recursion_limit";
}
