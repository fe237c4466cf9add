using System.Diagnostics;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

public sealed class JintExpressionEvaluatorSandboxTests : IDisposable
{
    // Generous statement budget so that time is what stops the infinite loops below.
    private static readonly SandboxOptions Options = new()
    {
        Timeout = TimeSpan.FromMilliseconds(300),
        MaxStatements = int.MaxValue,
        MaxMemoryBytes = 32L * 1024 * 1024,
        MaxRecursionDepth = 256,
    };

    // Every global an expression may see: ECMAScript built-ins only, nothing of the host.
    private static readonly HashSet<string> AllowedGlobals =
    [
        "Infinity", "NaN", "undefined", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
        "isFinite", "isNaN", "toString", "unescape", "AggregateError", "Array", "ArrayBuffer", "AsyncDisposableStack",
        "AsyncIterator", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "DataView", "Date", "DisposableStack",
        "Error", "EvalError", "Float16Array", "Float32Array", "Float64Array", "Function", "Generator", "Int16Array",
        "Int32Array", "Int8Array", "Intl", "Iterator", "JSON", "Map", "Math", "Number", "Object", "Promise", "RangeError",
        "ReferenceError", "Reflect", "RegExp", "Set", "String", "SuppressedError", "Symbol", "SyntaxError", "Temporal",
        "TypeError", "TypedArray", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap",
        "WeakSet", "eval", "parseFloat", "parseInt", "globalThis",
    ];

    // One pooled engine: each test below checks that the evaluator keeps working after the violation.
    private readonly JintExpressionEvaluator _evaluator = new(Options, 1);

    public void Dispose() => _evaluator.Dispose();

    private void AssertFailsWith(string code, string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));
        Assert.Equal(code, error.Code);
        Assert.Equal(2, _evaluator.Evaluate("1 + 1", ExpressionScope.Empty)!.GetValue<int>());
    }

    [Theory]
    [InlineData("importNamespace('System')")]
    [InlineData("System.IO.File")]
    [InlineData("clr")]
    [InlineData("require('fs')")]
    [InlineData("host")]
    public void Evaluate_ClrEntryPoint_IsNotDefined(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.EndsWith("is not defined", error.Message);
    }

    [Theory]
    [InlineData("({}).constructor.constructor('return this')()")]
    [InlineData("Function('return 1')()")]
    [InlineData("eval('1')")]
    [InlineData("new (Object.getPrototypeOf(async function () {}).constructor)('return 1')")]
    [InlineData("new (Object.getPrototypeOf(function* () {}).constructor)('yield 1')")]
    public void Evaluate_StringCompilation_IsRefused(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.Contains("String compilation has been disabled", error.Message);
    }

    [Fact]
    public void Evaluate_GlobalObject_HoldsOnlyStandardBuiltIns()
    {
        var names = _evaluator.Evaluate("Reflect.ownKeys(globalThis).map(String)", ExpressionScope.Empty)!
            .AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.DoesNotContain(names, n => !AllowedGlobals.Contains(n));
        Assert.Contains("Math", names);
    }

    [Theory]
    [InlineData("Proxy")]
    [InlineData("ShadowRealm")]
    [InlineData("WeakRef")]
    [InlineData("FinalizationRegistry")]
    [InlineData("Atomics")]
    [InlineData("SharedArrayBuffer")]
    [InlineData("AsyncIterator")]
    [InlineData("AsyncDisposableStack")]
    [InlineData("Array.fromAsync")]
    [InlineData("Intl.ListFormat")]
    public void Evaluate_RemovedCapability_IsUndefined(string name)
    {
        Assert.Equal("undefined", _evaluator.Evaluate($"typeof {name}", ExpressionScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_InfiniteLoop_ThrowsTimeoutAndEvaluatorRecovers()
    {
        var watch = Stopwatch.StartNew();

        AssertFailsWith("expression_timeout", "(() => { while (true) {} })()");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_ThrowsTimeout()
    {
        AssertFailsWith("expression_timeout", "/(a+)+$/.test('a'.repeat(40) + 'b')");
    }

    [Theory]
    [InlineData("(Promise.resolve().then(() => { while (true) {} }), 1)")]
    [InlineData("((async () => { await null; while (true) {} })(), 1)")]
    [InlineData("(globalThis['Pro' + 'mise'].resolve().then(() => { while (true) {} }), 1)")]
    [InlineData("(Promise.resolve().constructor.resolve().then(() => { while (true) {} }), 1)")]
    public void Evaluate_PromiseJobLoopingForever_ThrowsTimeoutInsteadOfLeakingIntoTheNextEvaluation(string expression)
    {
        AssertFailsWith("expression_timeout", expression);
    }

    [Fact]
    public void Evaluate_CallAndPromiseJobsTogether_ShareOneTimeBudget()
    {
        // Each half fits in the 300 ms budget on its own; together they do not.
        const string BusyWait = "const t = Date.now(); while (Date.now() - t < 200) {}";

        AssertFailsWith("expression_timeout", $"(Promise.resolve().then(() => {{ {BusyWait} }}), (() => {{ {BusyWait} }})(), 1)");
    }

    [Fact]
    public void Evaluate_ResultWithLoopingGetter_ThrowsTimeoutWhileConverting()
    {
        AssertFailsWith("expression_timeout", "({ get forever() { while (true) {} } })");
    }

    [Fact]
    public void Evaluate_PromiseJobs_RunBeforeTheEvaluationEnds()
    {
        var result = _evaluator.Evaluate("(() => { const log = []; Promise.resolve().then(() => log.push(1)); return log; })()",
            ExpressionScope.Empty);

        Assert.Equal("[1]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_TooManyStatements_ThrowsStatementLimit()
    {
        using var evaluator = new JintExpressionEvaluator(Options with { MaxStatements = 1000, Timeout = TimeSpan.FromSeconds(30) }, 1);

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { for (;;) {} })()", ExpressionScope.Empty));

        Assert.Equal("expression_statement_limit", error.Code);
        Assert.Equal(3, evaluator.Evaluate("1 + 2", ExpressionScope.Empty)!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_StatementBudget_IsResetForEachEvaluation()
    {
        using var evaluator = new JintExpressionEvaluator(Options with { MaxStatements = 500 }, 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(100, evaluator.Run("let n = 0; for (let i = 0; i < 100; i++) { n++; } return n;", ExpressionScope.Empty)!
                .GetValue<int>());
        }
    }

    [Theory]
    [InlineData("'x'.repeat(1e9)")]
    [InlineData("'x'.repeat(5e8)")]
    [InlineData("'xy'.repeat(2.5e8)")]
    [InlineData("'x'.padEnd(5e8)")]
    [InlineData("(() => { const a = []; while (true) a.push(new ArrayBuffer(1e6)); })()")]
    [InlineData("(() => { let s = 'x'; while (true) s = s + s; })()")]
    [InlineData("new Array(1e8).fill(0)")]
    public void Evaluate_HugeAllocation_ThrowsMemoryLimitWithoutAllocatingGigabytes(string expression)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        AssertFailsWith("expression_memory_limit", expression);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 400L * 1024 * 1024, "allocated hundreds of megabytes");
    }

    [Fact]
    public void Evaluate_DeepRecursion_ThrowsRecursionLimit()
    {
        AssertFailsWith("expression_recursion_limit", "(function f() { return f(); })()");
    }

    [Theory]
    [InlineData("(() => { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return a.join(); })()")]
    [InlineData("(() => { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return String(a); })()")]
    [InlineData("(() => { let o = {}; for (let i = 0; i < 1e5; i++) o = { o }; return JSON.stringify(o); })()")]
    [InlineData("(() => { let o = {}; for (let i = 0; i < 1e5; i++) o = { o }; return o; })()")]
    [InlineData("(() => { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return a.flat(Infinity); })()")]
    [InlineData("(() => { let C = class {}; for (let i = 0; i < 1e4; i++) C = class extends C {}; return new C(); })()")]
    public void Evaluate_DeepNativeRecursion_ThrowsRecursionLimitInsteadOfCrashingTheHost(string expression)
    {
        // Building 100 000 nested values takes a while in a debug build: time must not be what stops it.
        using var evaluator = new JintExpressionEvaluator(Options with { Timeout = TimeSpan.FromSeconds(30) }, 1);

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_recursion_limit", error.Code);
        Assert.Equal(2, evaluator.Evaluate("1 + 1", ExpressionScope.Empty)!.GetValue<int>());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("a => ", "")]
    public void Evaluate_AbsurdlyNestedCode_ThrowsSyntaxErrorInsteadOfCrashingTheHost(string open, string close)
    {
        var code = string.Concat(Enumerable.Repeat(open, 20_000)) + "1" + string.Concat(Enumerable.Repeat(close, 20_000));

        AssertFailsWith("expression_syntax", code);
    }

    [Fact]
    public void Evaluate_FunctionConstructorEscape_ExposesNothingOfTheHost()
    {
        var result = _evaluator.Evaluate(
            "(() => { try { return ({}).constructor.constructor('return this')(); } catch (e) { return typeof globalThis.System; } })()",
            ExpressionScope.Empty);

        Assert.Equal("undefined", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_EveryLimitInTurn_LeavesTheEvaluatorUsable()
    {
        string[] violations =
        [
            "(() => { while (true) {} })()", "'x'.repeat(1e9)", "(function f() { return f(); })()", "1 +",
            "null.x", "(() => { throw new Error('e'); })()",
        ];

        foreach (var violation in violations)
        {
            Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(violation, ExpressionScope.Empty));
            Assert.Equal("ok", _evaluator.Evaluate("'o' + 'k'", ExpressionScope.Empty)!.GetValue<string>());
        }
    }
}
