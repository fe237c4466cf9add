namespace Workflow.Core.Expressions;

/// <summary>
/// Splits template text into literal and <c>{{ expression }}</c> segments. The end of an expression is the
/// first <c>}}</c> that is outside string literals, template literals and braces opened by the expression
/// itself, so <c>{{ {a: {b: 1}} }}</c> and <c>{{ "}}" }}</c> work. An unterminated <c>{{</c> stays text.
/// </summary>
/// <remarks>Regular expression literals are not recognised by the scan: a quote or brace inside one can
/// confuse it. Write such patterns with <c>new RegExp("…")</c> inside templates.</remarks>
internal static class TemplateParser
{
    private const string Open = "{{";

    public static bool ContainsTemplate(string text) => text.Contains(Open, StringComparison.Ordinal);

    public static List<TemplateSegment> Parse(string text)
    {
        var segments = new List<TemplateSegment>();
        var literalStart = 0;
        var searchFrom = 0;
        while (true)
        {
            var open = text.IndexOf(Open, searchFrom, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = FindClose(text, open + Open.Length);
            if (close < 0)
            {
                break;
            }

            if (open > literalStart)
            {
                segments.Add(new TemplateSegment(false, text[literalStart..open]));
            }

            segments.Add(new TemplateSegment(true, text[(open + Open.Length)..close]));
            literalStart = searchFrom = close + 2;
        }

        if (literalStart < text.Length)
        {
            segments.Add(new TemplateSegment(false, text[literalStart..]));
        }

        return segments;
    }

    /// <summary>
    /// True when the whole text, ignoring surrounding whitespace, is exactly one <c>{{ expression }}</c>;
    /// such a value keeps the expression's type instead of being spliced into a string.
    /// </summary>
    public static bool TryGetSingleExpression(string text, out string code)
    {
        code = string.Empty;
        var trimmed = text.AsSpan().Trim();
        if (!trimmed.StartsWith(Open, StringComparison.Ordinal))
        {
            return false;
        }

        var start = text.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var close = FindClose(text, start);
        if (close < 0 || !text.AsSpan(close + 2).IsWhiteSpace())
        {
            return false;
        }

        code = text[start..close];
        return true;
    }

    private static int FindClose(string text, int start)
    {
        var depth = 0;
        // Brace depth at which each open template-literal substitution (${ … }) started.
        Stack<int>? substitutions = null;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\'' or '"':
                    i = SkipQuoted(text, i + 1, c);
                    continue;
                case '`':
                    i = SkipTemplateText(text, i + 1, ref substitutions, depth);
                    continue;
                case '{':
                    depth++;
                    break;
                case '}' when substitutions is { Count: > 0 } && substitutions.Peek() == depth:
                    substitutions.Pop();
                    i = SkipTemplateText(text, i + 1, ref substitutions, depth);
                    continue;
                case '}' when depth == 0:
                    if (i + 1 < text.Length && text[i + 1] == '}')
                    {
                        return i;
                    }

                    break;
                case '}':
                    depth--;
                    break;
            }

            i++;
        }

        return -1;
    }

    private static int SkipQuoted(string text, int i, char quote)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote || c == '\n')
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    /// <summary>Skips template-literal text up to its closing backtick or the start of a substitution.</summary>
    private static int SkipTemplateText(string text, int i, ref Stack<int>? substitutions, int depth)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '`')
            {
                return i + 1;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                (substitutions ??= new Stack<int>()).Push(depth);
                return i + 2;
            }

            i++;
        }

        return i;
    }
}
