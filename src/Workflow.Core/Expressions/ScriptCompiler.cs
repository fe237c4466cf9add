using Acornima;
using Acornima.Ast;
using Jint;

namespace Workflow.Core.Expressions;

/// <summary>
/// Parses user code inside a function wrapper, checks that it cannot break out of that wrapper, and
/// collects the free names it reads (via Jint's referenced-globals analysis) so that only the scope values
/// an expression actually uses are converted per evaluation.
/// </summary>
internal static class ScriptCompiler
{
    /// <summary>Longer code is rejected before parsing: parse cost and AST size grow with it.</summary>
    public const int MaxSourceLength = 100_000;

    /// <summary>Scope names are selected with a 64-bit mask over the roots.</summary>
    private const int MaxRoots = 64;

    // The user code always starts on the third line of the wrapper; error positions are shifted back.
    private const int WrapperLinesBeforeCode = 2;

    private const string ExpressionSuffix = "\n);\n})";
    private const string BodySuffix = "\n}\n})";

    public static CompiledScript Compile(ScriptKind kind, string code, TimeSpan regexTimeout)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return CompiledScript.Create(kind, code, [], new ScriptAnalysis([], false), regexTimeout);
        }

        if (code.Length > MaxSourceLength)
        {
            return CompiledScript.Failed(kind, code, ExpressionErrorCodes.Syntax,
                $"Expression is longer than {MaxSourceLength} characters.");
        }

        try
        {
            var source = Wrap(kind, code, parameters: string.Empty);
            var prepared = Prepare(source, collectGlobals: true, regexTimeout);
            EnsureSingleFunction(kind, prepared.Program!, source, code);
            var roots = SelectRoots(prepared.ReferencedGlobals);
            return CompiledScript.Create(kind, code, roots, ScriptAnalyzer.Analyze(prepared.Program!, roots), regexTimeout);
        }
        catch (ExpressionException e)
        {
            return CompiledScript.Failed(kind, code, e.Code, e.Message);
        }
    }

    public static string Wrap(ScriptKind kind, string code, string parameters) => kind == ScriptKind.Expression
        ? $"(function({parameters}) {{\nreturn (\n{code}{ExpressionSuffix}"
        // The extra block lets the body declare `let item` even when `item` is also a parameter.
        : $"(function({parameters}) {{\n{{\n{code}{BodySuffix}";

    public static Prepared<Script> Prepare(string source, bool collectGlobals, TimeSpan regexTimeout)
    {
        try
        {
            return Engine.PrepareScript(source, "expression", strict: true, new ScriptPreparationOptions
            {
                CollectReferencedGlobals = collectGlobals,
                ParsingOptions = new ScriptParsingOptions { RegexTimeout = regexTimeout },
            });
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            throw SyntaxError(parse);
        }
        catch (ParseErrorException parse)
        {
            throw SyntaxError(parse);
        }
        catch (ScriptPreparationException e)
        {
            throw new ExpressionException(ExpressionErrorCodes.Syntax, e.Message, e);
        }
    }

    /// <summary>
    /// The parsed program must be exactly our function expression, with the user code inside its body:
    /// code such as <c>1) }); globalThis.x = (1</c> that closes the wrapper early is rejected here.
    /// </summary>
    public static void EnsureSingleFunction(ScriptKind kind, Program program, string source, string code)
    {
        var suffix = kind == ScriptKind.Expression ? ExpressionSuffix : BodySuffix;
        var codeEnd = source.Length - suffix.Length;
        var codeStart = codeEnd - code.Length;
        var ok = program.Body.Count == 1
            && program.Body[0] is ExpressionStatement { Expression: FunctionExpression function }
            && function.Body.Start < codeStart
            && function.Body.End > codeEnd
            && (kind != ScriptKind.Expression || function.Body.Body is [ReturnStatement]);
        if (!ok)
        {
            throw new ExpressionException(ExpressionErrorCodes.Syntax,
                "The code must be a single JavaScript expression (or a function body for scripts).");
        }
    }

    private static string[] SelectRoots(ReferencedGlobals? globals)
    {
        if (globals is null)
        {
            return [];
        }

        // Standard names first, so the 64-name cap can never drop one of them.
        var standard = new List<string>();
        var others = new List<string>();
        foreach (var name in globals)
        {
            if (name is "eval" or "arguments")
            {
                continue; // may not be parameter names in strict mode
            }

            (ScopeBinder.IsStandardName(name) ? standard : others).Add(name);
        }

        standard.AddRange(others);
        return standard.Count > MaxRoots ? standard.GetRange(0, MaxRoots).ToArray() : standard.ToArray();
    }

    private static ExpressionException SyntaxError(ParseErrorException parse)
    {
        var line = parse.LineNumber - WrapperLinesBeforeCode;
        var where = line >= 1 ? $" (line {line}, column {parse.Column})" : string.Empty;
        return new ExpressionException(ExpressionErrorCodes.Syntax, $"SyntaxError: {parse.Description}{where}", parse);
    }
}
