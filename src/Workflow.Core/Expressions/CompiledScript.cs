using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace Workflow.Core.Expressions;

/// <summary>
/// User code analysed once and shared by every engine: the free names it reads, the node ids it reads
/// through <c>nodes.&lt;id&gt;</c>, and one prepared (parsed, engine-independent, thread-safe) wrapper per
/// parameter list. The wrapper is <c>(function(p1, p2, …) { … })</c> whose parameters are the free names
/// the scope provides, so scope values arrive as arguments and nothing is ever written to the global object.
/// </summary>
internal sealed class CompiledScript
{
    private readonly ConcurrentDictionary<ulong, Prepared<Script>> _variants = new();
    private readonly TimeSpan _regexTimeout;

    private CompiledScript(ScriptKind kind, string code, string[] roots, ScriptAnalysis analysis, TimeSpan regexTimeout,
        string? failureCode, string? failureMessage)
    {
        Kind = kind;
        Code = code;
        Roots = roots;
        NodeIds = analysis.NodeIds;
        MayQueueJobs = analysis.MayQueueJobs;
        _regexTimeout = regexTimeout;
        FailureCode = failureCode;
        FailureMessage = failureMessage;
    }

    public ScriptKind Kind { get; }

    public string Code { get; }

    /// <summary>Free (global) names the code reads, e.g. <c>trigger</c>, <c>Math</c>, <c>item</c>.</summary>
    public string[] Roots { get; }

    /// <summary>Ids read as <c>nodes.id</c> / <c>nodes["id"]</c>; null when <c>nodes</c> is used otherwise.</summary>
    public string[]? NodeIds { get; }

    /// <summary>Whether promise jobs must be drained after a call (see <see cref="ScriptAnalysis"/>).</summary>
    public bool MayQueueJobs { get; }

    /// <summary>Blank code: evaluates to null without touching an engine.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code);

    public string? FailureCode { get; }

    public string? FailureMessage { get; }

    public static CompiledScript Create(ScriptKind kind, string code, string[] roots, ScriptAnalysis analysis, TimeSpan regexTimeout)
        => new(kind, code, roots, analysis, regexTimeout, null, null);

    public static CompiledScript Failed(ScriptKind kind, string code, string failureCode, string message)
        => new(kind, code, [], new ScriptAnalysis([], false), TimeSpan.Zero, failureCode, message);

    public void ThrowIfFailed()
    {
        if (FailureCode is not null)
        {
            throw new ExpressionException(FailureCode, FailureMessage ?? FailureCode);
        }
    }

    /// <summary>The wrapper whose parameters are the roots selected by <paramref name="mask"/>.</summary>
    public Prepared<Script> GetVariant(ulong mask)
        => _variants.GetOrAdd(mask, static (m, self) => self.PrepareVariant(m), this);

    public string[] ParameterNames(ulong mask)
    {
        var names = new List<string>();
        for (var i = 0; i < Roots.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                names.Add(Roots[i]);
            }
        }

        return [.. names];
    }

    private Prepared<Script> PrepareVariant(ulong mask)
    {
        var source = ScriptCompiler.Wrap(Kind, Code, string.Join(", ", ParameterNames(mask)));
        var prepared = ScriptCompiler.Prepare(source, collectGlobals: false, _regexTimeout);
        ScriptCompiler.EnsureSingleFunction(Kind, prepared.Program!, source, Code);
        return prepared;
    }
}
