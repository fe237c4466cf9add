using System.Text.RegularExpressions;
using Jint.Runtime;

namespace Workflow.Core.Expressions;

/// <summary>
/// Maps everything Jint can throw to an <see cref="ExpressionException"/> with a stable code, and says
/// whether the engine may be reused: after a script error it may; after a limit violation (or anything
/// unexpected) the engine's interpreter state is not trusted and it is discarded.
/// </summary>
internal static class ErrorTranslator
{
    private const int MaxMessageLength = 2000;

    public static ExpressionException Translate(Exception exception, SandboxEngine engine, out bool reusable)
    {
        reusable = false;
        switch (exception)
        {
            case ExpressionException expected:
                reusable = true;
                return expected;
            case JavaScriptException script:
                reusable = true;
                return FromScriptError(script, engine);
            case TimeoutException or RegexMatchTimeoutException:
                return new ExpressionException(ExpressionErrorCodes.Timeout, "Expression exceeded its time limit.", exception);
            case StatementsCountOverflowException:
                return new ExpressionException(ExpressionErrorCodes.StatementLimit,
                    "Expression exceeded its statement limit.", exception);
            case MemoryLimitExceededException:
                return new ExpressionException(ExpressionErrorCodes.MemoryLimit,
                    $"Expression exceeded its memory limit: {exception.Message}", exception);
            case RecursionDepthOverflowException or InsufficientExecutionStackException:
                return new ExpressionException(ExpressionErrorCodes.RecursionLimit,
                    "Expression exceeded its recursion limit.", exception);
            default:
                return new ExpressionException(ExpressionErrorCodes.Error, Truncate(exception.Message), exception);
        }
    }

    private static ExpressionException FromScriptError(JavaScriptException exception, SandboxEngine engine)
    {
        var (name, message) = engine.DescribeError(exception.Error, exception.Message);
        var code = (name, message) switch
        {
            ("RangeError", "Maximum call stack size exceeded") => ExpressionErrorCodes.RecursionLimit,
            ("RangeError", "Invalid string length") => ExpressionErrorCodes.MemoryLimit,
            _ => ExpressionErrorCodes.Error,
        };
        // The message is what the script would see as e.message; the name only stands in for an empty one.
        var text = message.Length > 0 ? message : name.Length > 0 ? name : "The script threw an error.";
        return new ExpressionException(code, Truncate(text), exception);
    }

    private static string Truncate(string message)
        => message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "…");
}
