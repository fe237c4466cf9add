using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

/// <summary>The string-building built-ins replaced by size-checked versions must still behave like the originals.</summary>
public sealed class JintExpressionEvaluatorGuardTests : IDisposable
{
    private readonly JintExpressionEvaluator _evaluator = new(new SandboxOptions(), 1);

    public void Dispose() => _evaluator.Dispose();

    /// <summary>A string result as its text, anything else as JSON.</summary>
    private string Eval(string expression)
    {
        var result = _evaluator.Evaluate(expression, ExpressionScope.Empty)!;
        return result.GetValueKind() == System.Text.Json.JsonValueKind.String ? result.GetValue<string>() : result.ToJsonString();
    }

    [Theory]
    [InlineData("'ab'.repeat(3)", "ababab")]
    [InlineData("'ab'.repeat(0)", "")]
    [InlineData("'5'.padStart(3, '0') + '|' + 'x'.padEnd(3, '-') + '|' + 'long'.padStart(2)", "005|x--|long")]
    [InlineData("'a'.concat(1, null, [2, 3])", "a1null2,3")]
    [InlineData("String.raw`a\\n${1 + 1}b`", "a\\n2b")]
    [InlineData("[1, null, undefined, 'x', [2, [3]]].join('-')", "1---x-2,3")]
    [InlineData("[1, 2].join()", "1,2")]
    [InlineData("(() => { const a = [1]; a.push(a); return a.join(); })()", "1,")]
    [InlineData("Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }, '+')", "a+b")]
    [InlineData("Array.prototype.join.call('abc', '.')", "a.b.c")]
    [InlineData("[{ toString() { return 'T'; } }].join()", "T")]
    [InlineData("String([1, [2, 3]])", "1,2,3")]
    public void Evaluate_GuardedStringBuiltIn_BehavesLikeTheOriginal(string expression, string expected)
    {
        Assert.Equal(expected, Eval(expression));
    }

    [Theory]
    [InlineData("'aXbX'.replace('X', '_')", "a_bX")]
    [InlineData("'aXbX'.replaceAll('X', '_')", "a_b_")]
    [InlineData("'aXbX'.replace(/X/g, '[$&]')", "a[X]b[X]")]
    [InlineData("'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1')", "Smith, John")]
    [InlineData("'abc'.replace(/(?<first>a)(b)/, '[$<first>|$2|$1|$&|$`|$\\'|$$|$3|$0]')", "[a|b|a|ab||c|$|$3|$0]c")]
    [InlineData("'abc'.replace('b', (m, i, s) => m.toUpperCase() + i + s)", "aB1abcc")]
    [InlineData("'a-b'.replace(/(-)/g, (m, p1, i) => '<' + p1 + i + '>')", "a<-1>b")]
    public void Evaluate_GuardedReplace_BehavesLikeTheOriginal(string expression, string expected)
    {
        Assert.Equal(expected, Eval(expression));
    }

    [Fact]
    public void Evaluate_ReplaceWithLargePossibleResult_ExpandsSubstitutionsItself()
    {
        // Large enough to leave the fast path: every `$`` may be the whole text for each match.
        var result = Eval("(() => { const s = 'ab'.repeat(2000); const r = s.replace(/b/g, '[$`]'); return [r.length, r.slice(0, 10)]; })()");

        Assert.Equal("[4006000,\"a[a]a[aba]\"]", result);
    }

    [Theory]
    [InlineData("JSON.stringify({ a: [1, 'x'], b: null })", "{\"a\":[1,\"x\"],\"b\":null}")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, null, 2).length", "22")]
    [InlineData("JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c'])", "{\"a\":1,\"c\":{\"a\":3}}")]
    [InlineData("JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 10 : v)", "{\"a\":10,\"b\":\"x\"}")]
    [InlineData("JSON.stringify([undefined, () => 1, new Date(0)])", "[null,null,\"1970-01-01T00:00:00.000Z\"]")]
    [InlineData("JSON.stringify('plain')", "\"plain\"")]
    [InlineData("JSON.stringify(undefined) === undefined", "true")]
    public void Evaluate_GuardedStringify_BehavesLikeTheOriginal(string expression, string expected)
    {
        Assert.Equal(expected, Eval(expression));
    }

    [Theory]
    [InlineData("(() => { const b = 'x'.repeat(1e4); return 'x'.repeat(1e5).replace(/x/g, b); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e4); return 'x'.repeat(1e5).replaceAll('x', b); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e4); return 'x'.repeat(1e5).replace(/x/g, () => b); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e6); return JSON.stringify(Array(1000).fill(b)); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e6); return ''.concat(...Array(1000).fill(b)); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e6); return String.raw({ raw: Array(1000).fill(b) }); })()")]
    [InlineData("(() => { const b = 'x'.repeat(1e6); return Array(30).fill(b).join(''); })()")]
    [InlineData("(() => { const a = []; a.length = 4e9; return a.join(); })()")]
    public void Evaluate_StringAmplifier_ThrowsMemoryLimitBeforeBuildingIt(string expression)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_memory_limit", error.Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L * 1024 * 1024, "allocated hundreds of megabytes");
    }

    [Fact]
    public void Evaluate_AmplifierCaughtInsideScript_IsARangeError()
    {
        Assert.Equal("RangeError", Eval("(() => { try { 'x'.repeat(1e9); } catch (e) { return e.name; } })()"));
    }
}
