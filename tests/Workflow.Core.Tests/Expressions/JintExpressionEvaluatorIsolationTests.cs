using System.Text.Json.Nodes;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

/// <summary>
/// Every test uses a pool of exactly one engine and asserts that only one engine was ever created, so the
/// attack and the probe really run in the same realm: if isolation broke, these tests would see it.
/// </summary>
public sealed class JintExpressionEvaluatorIsolationTests : IDisposable
{
    private readonly JintExpressionEvaluator _evaluator = new(new SandboxOptions(), maxPooledEngines: 1);

    public void Dispose() => _evaluator.Dispose();

    private void Attack(string code)
    {
        try
        {
            _evaluator.Run(code, ExpressionScope.Empty);
        }
        catch (ExpressionException e)
        {
            Assert.Equal("expression_error", e.Code); // refused by a TypeError/ReferenceError, not a crash or a limit
        }
    }

    private bool Probe(string expression) => _evaluator.Evaluate(expression, ExpressionScope.Empty)!.GetValue<bool>();

    [Theory]
    [InlineData("Object.prototype.polluted = 1;", "({}).polluted === undefined && [].polluted === undefined")]
    [InlineData("Object.defineProperty(Object.prototype, 'polluted', { value: 1 });", "({}).polluted === undefined")]
    [InlineData("Object.setPrototypeOf(Object.prototype, { polluted: 1 });", "({}).polluted === undefined")]
    [InlineData("({}).__proto__.polluted = 1;", "({}).polluted === undefined")]
    [InlineData("Array.prototype.map = () => 'hijacked';", "[1].map(x => x + 1)[0] === 2")]
    [InlineData("delete Array.prototype.map;", "typeof [].map === 'function'")]
    [InlineData("String.prototype.trim = () => 'hijacked';", "' a '.trim() === 'a'")]
    [InlineData("Function.prototype.call = null;", "typeof Function.prototype.call === 'function'")]
    [InlineData("Math.max = () => -1;", "Math.max(1, 2) === 2")]
    [InlineData("JSON.parse = () => 'hijacked';", "JSON.parse('1') === 1")]
    [InlineData("JSON.stringify = () => 'hijacked';", "JSON.stringify(1) === '1'")]
    [InlineData("Date.now = () => 0;", "Date.now() > 0")]
    [InlineData("Object.keys = () => [];", "Object.keys({ a: 1 }).length === 1")]
    [InlineData("Object.prototype.toString = () => 'hijacked';", "String({}) === '[object Object]'")]
    [InlineData("Error.prototype.message = 'hijacked';", "new Error().message === ''")]
    [InlineData("Promise.prototype.then = null;", "typeof Promise.resolve().then === 'function'")]
    [InlineData("RegExp.prototype.exec = () => null;", "/a/.test('a')")]
    [InlineData("Object.getPrototypeOf(function* () {}).polluted = 1;", "Object.getPrototypeOf(function* () {}).polluted === undefined")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true });", "[...[1, 2]].length === 2")]
    [InlineData("Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).polluted = 1;", "Iterator.prototype.polluted === undefined")]
    [InlineData("Object.getPrototypeOf([].values().map(x => x)).next = null;", "[...[1].values().map(x => x + 1)][0] === 2")]
    [InlineData("Object.getPrototypeOf(Int8Array).prototype.polluted = 1;", "new Uint8Array(1).polluted === undefined")]
    [InlineData("Object.getPrototypeOf(async function () {}).polluted = 1;", "Object.getPrototypeOf(async function () {}).polluted === undefined")]
    public void Run_PrototypePollutionInOneEvaluation_IsInvisibleToTheNext(string attack, string probe)
    {
        Attack(attack);

        Assert.True(Probe(probe));
        Assert.Equal(1, _evaluator.EnginesCreated);
    }

    [Theory]
    [InlineData("leaked = 1;")]
    [InlineData("globalThis.leaked = 1;")]
    [InlineData("var leaked = 1;")]
    [InlineData("function leaked() {}")]
    [InlineData("Object.defineProperty(globalThis, 'leaked', { value: 1 });")]
    [InlineData("Reflect.set(globalThis, 'leaked', 1);")]
    [InlineData("Reflect.defineProperty(globalThis, 'leaked', { value: 1 });")]
    public void Run_GlobalCreatedInOneEvaluation_IsInvisibleToTheNext(string attack)
    {
        Attack(attack);

        Assert.True(Probe("typeof leaked === 'undefined' && !('leaked' in globalThis)"));
        Assert.Equal(1, _evaluator.EnginesCreated);
    }

    [Theory]
    [InlineData("Array = null;", "typeof Array === 'function'")]
    [InlineData("undefined = 1;", "typeof undefined === 'undefined'")]
    [InlineData("delete globalThis.Math;", "typeof Math === 'object'")]
    [InlineData("globalThis.JSON = { parse: () => 'hijacked' };", "JSON.parse('2') === 2")]
    public void Run_ReplacingAGlobal_IsInvisibleToTheNext(string attack, string probe)
    {
        Attack(attack);

        Assert.True(Probe(probe));
        Assert.Equal(1, _evaluator.EnginesCreated);
    }

    [Fact]
    public void Evaluate_ScopeValuesOfOneEvaluation_AreNotVisibleToTheNext()
    {
        var secret = new ExpressionScope { Trigger = JsonNode.Parse("""{"secret": "s3cr3t"}""") };
        Assert.Equal("s3cr3t", _evaluator.Evaluate("(/(s\\d)/.exec(trigger.secret), trigger.secret)", secret)!.GetValue<string>());

        var result = _evaluator.Evaluate("[typeof trigger, trigger, RegExp.input, RegExp.lastMatch, RegExp['$1']]", ExpressionScope.Empty);

        Assert.Equal("""["object",null,null,null,null]""", result!.ToJsonString());
        Assert.Equal(1, _evaluator.EnginesCreated);
    }

    [Fact]
    public void Evaluate_ReusedWrapperFunction_IsNotReachableFromScript()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("arguments.callee", ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.Contains("callee", error.Message);
    }

    [Fact]
    public void Run_AssigningOverriddenBuiltInNameOnOwnObject_StillWorks()
    {
        var result = _evaluator.Run("""
            const o = {};
            o.toString = () => 'custom';
            class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
            const e = new MyError('m');
            return [String(o), e.name, e.message, String(e), new Error('x').name];
            """, ExpressionScope.Empty);

        Assert.Equal("""["custom","MyError","m","MyError: m","Error"]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_IntrinsicsAndGlobal_AreFrozen()
    {
        Assert.True(Probe("""
            [globalThis, Object.prototype, Array.prototype, Function.prototype, String.prototype, Math, JSON, Reflect,
             Object.getPrototypeOf(function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
             Object.getPrototypeOf(new Map()[Symbol.iterator]()), Object.getPrototypeOf(Int8Array),
             Object.getPrototypeOf(/a/[Symbol.matchAll]('')), Object.getPrototypeOf(''[Symbol.iterator]())]
              .every(o => Object.isFrozen(o))
            """));
    }
}
