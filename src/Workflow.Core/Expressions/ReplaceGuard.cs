using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Workflow.Core.Expressions;

/// <summary>
/// <c>String.prototype.replace/replaceAll</c> that cannot build more than the length limit. When the result is
/// provably small the original runs untouched; otherwise the replacement is routed through a counting
/// function (which expands <c>$&amp;</c>, <c>$1</c>, <c>$&lt;name&gt;</c>… itself for string replacements) and
/// the call fails as soon as the replacements alone pass the limit.
/// </summary>
internal sealed class ReplaceGuard(SandboxGuards guards)
{
    public JsValue Replace(JsValue original, JsValue thisValue, JsValue[] args)
    {
        TypeConverter.RequireObjectCoercible(guards.Engine, thisValue);
        var text = TypeConverter.ToString(thisValue);
        var search = SandboxGuards.Arg(args, 0);
        var replaceValue = SandboxGuards.Arg(args, 1);

        if (!replaceValue.IsCallable())
        {
            var replacement = TypeConverter.ToString(replaceValue);
            if (UpperBound(text.Length, search, replacement) <= guards.MaxLength)
            {
                return guards.Engine.Call(original, text, [search, replacement]);
            }

            var budget = new Budget(guards, text.Length);
            var substitute = new ClrFunction(guards.Engine, string.Empty,
                (_, matchArgs) => budget.Take(replacement.Contains('$') ? Substitute(replacement, matchArgs) : replacement),
                2, default);
            return guards.Engine.Call(original, text, [search, substitute]);
        }

        var counted = new Budget(guards, text.Length);
        var wrapped = new ClrFunction(guards.Engine, string.Empty,
            (_, matchArgs) => counted.Take(TypeConverter.ToString(guards.Engine.Call(replaceValue, JsValue.Undefined, matchArgs))),
            2, default);
        return guards.Engine.Call(original, text, [search, wrapped]);
    }

    /// <summary>
    /// A bound on the result's length. Matches never overlap, so all the <c>$&amp;</c> (or captures, or named
    /// groups) together are at most the text's length per occurrence in the replacement — unless the pattern
    /// has lookarounds, whose captures may reach outside the match. <c>$`</c> and <c>$'</c> can be the whole
    /// text for every match.
    /// </summary>
    private static double UpperBound(int textLength, JsValue search, string replacement)
    {
        long literal = 0, inMatch = 0, aroundMatch = 0;
        for (var i = 0; i < replacement.Length; i++)
        {
            if (replacement[i] != '$' || i + 1 == replacement.Length)
            {
                literal++;
                continue;
            }

            switch (replacement[i + 1])
            {
                case '$':
                    literal++;
                    i++;
                    break;
                case '&' or '<' or (>= '0' and <= '9'):
                    inMatch++;
                    i++;
                    break;
                case '`' or '\'':
                    aroundMatch++;
                    i++;
                    break;
                default:
                    literal++;
                    break;
            }
        }

        double text = textLength;
        var matches = text + 1;
        var perCapture = HasLookaround(search) ? matches * text : text;
        return text + matches * literal + inMatch * perCapture + aroundMatch * matches * text;
    }

    private static bool HasLookaround(JsValue search)
    {
        if (search is not ObjectInstance pattern)
        {
            return false;
        }

        var source = pattern.Get("source");
        return !source.IsString() || source.AsString() is var s
            && (s.Contains("(?=", StringComparison.Ordinal) || s.Contains("(?!", StringComparison.Ordinal)
                || s.Contains("(?<=", StringComparison.Ordinal) || s.Contains("(?<!", StringComparison.Ordinal));
    }

    /// <summary>GetSubstitution (ECMA-262 §22.1.3.19.1) over the replacer-function arguments.</summary>
    private static string Substitute(string replacement, JsValue[] matchArgs)
    {
        // (matched, capture1…captureN, position, string[, groups])
        var hasGroups = matchArgs.Length >= 3 && !matchArgs[^1].IsString();
        var stringIndex = matchArgs.Length - (hasGroups ? 2 : 1);
        var matched = TypeConverter.ToString(SandboxGuards.Arg(matchArgs, 0));
        var text = TypeConverter.ToString(SandboxGuards.Arg(matchArgs, stringIndex));
        var position = (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(SandboxGuards.Arg(matchArgs, stringIndex - 1)), 0, text.Length);
        var captureCount = Math.Max(stringIndex - 2, 0);
        var groups = hasGroups ? matchArgs[^1] : JsValue.Undefined;

        var result = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c != '$' || i + 1 == replacement.Length)
            {
                result.Append(c);
                continue;
            }

            var next = replacement[i + 1];
            switch (next)
            {
                case '$':
                    result.Append('$');
                    i++;
                    break;
                case '&':
                    result.Append(matched);
                    i++;
                    break;
                case '`':
                    result.Append(text, 0, position);
                    i++;
                    break;
                case '\'':
                    var tail = Math.Min(position + matched.Length, text.Length);
                    result.Append(text, tail, text.Length - tail);
                    i++;
                    break;
                case >= '0' and <= '9':
                    i += AppendCapture(result, replacement, i, captureCount, matchArgs);
                    break;
                case '<' when !groups.IsUndefined():
                    var close = replacement.IndexOf('>', i + 2);
                    if (close < 0)
                    {
                        result.Append('$');
                        break;
                    }

                    var value = groups is ObjectInstance obj ? obj.Get(replacement[(i + 2)..close]) : JsValue.Undefined;
                    if (!value.IsUndefined())
                    {
                        result.Append(TypeConverter.ToString(value));
                    }

                    i = close;
                    break;
                default:
                    result.Append('$');
                    break;
            }
        }

        return result.ToString();
    }

    /// <returns>How many characters after the <c>$</c> were consumed (0 when it stays literal).</returns>
    private static int AppendCapture(StringBuilder result, string replacement, int dollar, int captureCount, JsValue[] matchArgs)
    {
        var first = replacement[dollar + 1] - '0';
        if (dollar + 2 < replacement.Length && char.IsAsciiDigit(replacement[dollar + 2]))
        {
            var two = first * 10 + (replacement[dollar + 2] - '0');
            if (two >= 1 && two <= captureCount)
            {
                AppendValue(result, matchArgs[two]);
                return 2;
            }
        }

        if (first >= 1 && first <= captureCount)
        {
            AppendValue(result, matchArgs[first]);
            return 1;
        }

        result.Append('$');
        return 0;
    }

    private static void AppendValue(StringBuilder result, JsValue capture)
    {
        if (!capture.IsUndefined())
        {
            result.Append(TypeConverter.ToString(capture));
        }
    }

    /// <summary>The untouched text plus every replacement so far bounds the result's length.</summary>
    private sealed class Budget(SandboxGuards guards, long textLength)
    {
        private long _total = textLength;

        public JsValue Take(string replacement)
        {
            _total += replacement.Length;
            guards.EnsureLength(_total);
            return replacement;
        }
    }
}
