using System.Text.Json.Nodes;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

public sealed class JintExpressionEvaluatorResultTests : IDisposable
{
    private readonly JintExpressionEvaluator _evaluator = new(new SandboxOptions());

    public void Dispose() => _evaluator.Dispose();

    [Fact]
    public void Evaluate_IntegerExpression_ReturnsNumberReadableAsIntLongDoubleAndDecimal()
    {
        var result = _evaluator.Evaluate("{{ 40 + 2 }}", ExpressionScope.Empty);

        var value = Assert.IsAssignableFrom<JsonValue>(result);
        Assert.Equal(42, value.GetValue<int>());
        Assert.Equal(42L, value.GetValue<long>());
        Assert.Equal(42d, value.GetValue<double>());
        Assert.Equal(42m, value.GetValue<decimal>());
    }

    [Fact]
    public void Evaluate_FractionalExpression_ReturnsDouble()
    {
        var result = _evaluator.Evaluate("1 / 4", ExpressionScope.Empty);

        Assert.Equal(0.25, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_Comparison_ReturnsBoolean()
    {
        var result = _evaluator.Evaluate("{{ 2 > 1 }}", ExpressionScope.Empty);

        Assert.True(result!.GetValue<bool>());
    }

    [Fact]
    public void Evaluate_StringExpression_ReturnsString()
    {
        var result = _evaluator.Evaluate("'a' + 'b'", ExpressionScope.Empty);

        Assert.Equal("ab", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ObjectLiteral_ReturnsJsonObjectWithStringifySemantics()
    {
        var result = _evaluator.Evaluate("({ a: 1, b: [true, null], skipped: undefined, fn: () => 1, nested: { c: 'x' } })",
            ExpressionScope.Empty);

        var obj = Assert.IsType<JsonObject>(result);
        Assert.Equal("""{"a":1,"b":[true,null],"nested":{"c":"x"}}""", obj.ToJsonString());
    }

    [Fact]
    public void Evaluate_ArrayExpression_ReturnsJsonArray()
    {
        var result = _evaluator.Evaluate("[1, 2, 3].map(x => x * 2)", ExpressionScope.Empty);

        Assert.Equal("[2,4,6]", Assert.IsType<JsonArray>(result).ToJsonString());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("undefined")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("() => 1")]
    [InlineData("Symbol('s')")]
    [InlineData("   ")]
    public void Evaluate_ValueWithoutJsonForm_ReturnsNull(string expression)
    {
        Assert.Null(_evaluator.Evaluate(expression, ExpressionScope.Empty));
    }

    [Fact]
    public void Evaluate_Date_ReturnsIsoString()
    {
        var result = _evaluator.Evaluate("new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))", ExpressionScope.Empty);

        Assert.Equal("2024-01-02T03:04:05.006Z", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_DateInsideObject_ReturnsIsoString()
    {
        var result = _evaluator.Evaluate("({ at: new Date(0) })", ExpressionScope.Empty);

        Assert.Equal("1970-01-01T00:00:00.000Z", result!["at"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ObjectWithGetterAndToJson_RunsThemInsideTheSandbox()
    {
        var result = _evaluator.Evaluate("({ get a() { return 1 + 1; }, b: { toJSON() { return 'j'; } } })", ExpressionScope.Empty);

        Assert.Equal("""{"a":2,"b":"j"}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_CyclicObject_ThrowsExpressionError()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.Evaluate("(() => { const o = {}; o.self = o; return o; })()", ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
    }

    [Fact]
    public void Evaluate_BigInt_ReturnsNumber()
    {
        var result = _evaluator.Evaluate("2n ** 64n", ExpressionScope.Empty);

        Assert.Equal(18446744073709551616m, result!.GetValue<decimal>());
    }

    [Fact]
    public void Evaluate_ThrownError_ThrowsExpressionErrorWithTheErrorsMessage()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.Evaluate("(() => { throw new TypeError('bad input'); })()", ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.Equal("bad input", error.Message);
    }

    [Fact]
    public void Evaluate_PropertyOfNull_ThrowsExpressionErrorWithTheTypeErrorMessage()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("null.x", ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.Equal("Cannot read properties of null (reading 'x')", error.Message);
    }

    [Theory]
    [InlineData("(() => { throw 'plain string'; })()", "plain string")]
    [InlineData("(() => { throw new Error(); })()", "Error")]
    [InlineData("(() => { throw { message: 'from object' }; })()", "from object")]
    public void Evaluate_ThrownNonStandardValue_UsesItsMessageOrText(string expression, string expected)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_error", error.Code);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Evaluate_ThrownErrorWithGetterMessage_DescribesItWithoutHangingTheHost()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.Evaluate("(() => { throw { get message() { while (true) {} } }; })()", ExpressionScope.Empty));

        // The getter runs inside the sandbox (Jint reads the message while throwing), so a limit stops it.
        Assert.Contains(error.Code, new[] { "expression_error", "expression_statement_limit", "expression_timeout" });
        Assert.Equal(1, _evaluator.Evaluate("1", ExpressionScope.Empty)!.GetValue<int>());
    }

    [Theory]
    [InlineData("1 +")]
    [InlineData("{{ if (x) }}")]
    [InlineData("a b")]
    public void Evaluate_InvalidSyntax_ThrowsExpressionSyntax(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_syntax", error.Code);
    }

    [Theory]
    [InlineData("1); globalThis.x = (1")]
    [InlineData("1) }, Object.prototype.x = 1, function () { return (1")]
    [InlineData("1); while (true) {} (2")]
    public void Evaluate_CodeClosingTheWrapper_ThrowsExpressionSyntax(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, ExpressionScope.Empty));

        Assert.Equal("expression_syntax", error.Code);
    }

    [Fact]
    public void Run_FunctionBody_ReturnsItsReturnValue()
    {
        var result = _evaluator.Run("const xs = [1, 2, 3];\nlet total = 0;\nfor (const x of xs) total += x;\nreturn { total };",
            ExpressionScope.Empty);

        Assert.Equal("""{"total":6}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_BodyWithoutReturn_ReturnsNull()
    {
        Assert.Null(_evaluator.Run("const x = 1;", ExpressionScope.Empty));
    }

    [Fact]
    public void Run_BodyDeclaringAScopeName_ShadowsItLocally()
    {
        var scope = new ExpressionScope { Item = JsonValue.Create(1) };

        var result = _evaluator.Run("let item = 5; return item;", scope);

        Assert.Equal(5, result!.GetValue<int>());
    }

    [Fact]
    public void Run_BodyEndingInLineComment_StillCompiles()
    {
        Assert.Equal(3, _evaluator.Run("return 3 // done", ExpressionScope.Empty)!.GetValue<int>());
    }
}
