using System.Text.Json.Nodes;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

public sealed class JintExpressionEvaluatorTemplateTests : IDisposable
{
    private static readonly ExpressionScope Scope = new()
    {
        Trigger = JsonNode.Parse("""{"name": "Ada", "amount": 1500, "tags": ["a", "b"], "missing": null}"""),
    };

    private readonly JintExpressionEvaluator _evaluator = new(new SandboxOptions(), 1);

    public void Dispose() => _evaluator.Dispose();

    [Fact]
    public void Resolve_WholeValueExpression_KeepsType()
    {
        var result = _evaluator.Resolve(JsonValue.Create("{{ trigger.amount }}"), Scope);

        Assert.Equal(1500, result!.GetValue<int>());
    }

    [Fact]
    public void Resolve_WholeValueExpressionWithSurroundingWhitespace_KeepsType()
    {
        var result = _evaluator.Resolve(JsonValue.Create("  {{ trigger.amount > 1000 }}\n"), Scope);

        Assert.True(result!.GetValue<bool>());
    }

    [Fact]
    public void Resolve_WholeValueObjectExpression_ReturnsObject()
    {
        var result = _evaluator.Resolve(JsonValue.Create("{{ { a: { b: 1 } } }}"), Scope);

        Assert.Equal("""{"a":{"b":1}}""", result!.ToJsonString());
    }

    [Fact]
    public void Resolve_TextWithExpressions_SplicesResults()
    {
        var result = _evaluator.Resolve(JsonValue.Create("Hello {{ trigger.name }}, total {{ trigger.amount * 2 }}!"), Scope);

        Assert.Equal("Hello Ada, total 3000!", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_SplicedArrayAndObject_AreWrittenAsJson()
    {
        var result = _evaluator.Resolve(JsonValue.Create("tags={{ trigger.tags }} obj={{ ({ k: 1 }) }}"), Scope);

        Assert.Equal("""tags=["a","b"] obj={"k":1}""", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_SplicedNullAndUndefined_AreEmpty()
    {
        var result = _evaluator.Resolve(JsonValue.Create("[{{ trigger.missing }}|{{ trigger.nope }}]"), Scope);

        Assert.Equal("[|]", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_SplicedNumbersAndBooleans_UseJavaScriptFormatting()
    {
        var result = _evaluator.Resolve(JsonValue.Create("{{ 0.1 + 0.2 }} {{ 1e21 }} {{ true }}"), Scope);

        Assert.Equal("0.30000000000000004 1e+21 true", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_BracesInsideStringsAndObjects_DoNotEndTheExpression()
    {
        var result = _evaluator.Resolve(JsonValue.Create("a{{ '}}' + `${ {x: '}}'}.x }` }}b"), Scope);

        Assert.Equal("a}}}}b", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_UnterminatedOpening_StaysText()
    {
        var result = _evaluator.Resolve(JsonValue.Create("cost {{ 1 + 1"), Scope);

        Assert.Equal("cost {{ 1 + 1", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_NestedObjectsAndArrays_ResolvesEveryString()
    {
        var template = JsonNode.Parse("""
            {"a": "{{ trigger.amount }}", "b": ["x {{ trigger.name }}", 5, true, null, {"c": "{{ trigger.tags[1] }}"}], "d": "plain"}
            """);

        var result = _evaluator.Resolve(template, Scope);

        Assert.Equal("""{"a":1500,"b":["x Ada",5,true,null,{"c":"b"}],"d":"plain"}""", result!.ToJsonString());
    }

    [Fact]
    public void Resolve_Template_ReturnsFreshNodesAndLeavesInputUntouched()
    {
        var template = JsonNode.Parse("""{"keep": {"n": 1}, "list": [1, "two"], "value": "{{ 1 + 1 }}"}""")!;
        var before = template.ToJsonString();

        var result = _evaluator.Resolve(template, Scope)!;

        Assert.Equal(before, template.ToJsonString());
        Assert.NotSame(template, result);
        Assert.NotSame(template["keep"], result["keep"]);
        Assert.NotSame(template["list"]![1], result["list"]![1]);
        result["keep"]!["n"] = 2;
        Assert.Equal(1, template["keep"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void Resolve_TemplateWithoutExpressions_DoesNotCreateAnEngine()
    {
        var result = _evaluator.Resolve(JsonNode.Parse("""{"a": "no braces", "b": [1, {"c": "{ single }"}]}"""), Scope);

        Assert.Equal("""{"a":"no braces","b":[1,{"c":"{ single }"}]}""", result!.ToJsonString());
        Assert.Equal(0, _evaluator.EnginesCreated);
    }

    [Fact]
    public void Resolve_JsonValueWrappingAClrObject_ResolvesTheStringsInside()
    {
        var wrapped = JsonValue.Create(new Dictionary<string, string> { ["a"] = "{{ trigger.name }}" });

        var result = _evaluator.Resolve(wrapped, Scope);

        Assert.Equal("""{"a":"Ada"}""", result!.ToJsonString());
    }

    [Fact]
    public void Resolve_Null_ReturnsNull()
    {
        Assert.Null(_evaluator.Resolve(null, Scope));
    }

    [Fact]
    public void Evaluate_ExpressionWithoutBraces_IsEvaluated()
    {
        Assert.Equal("Ada!", _evaluator.Evaluate("trigger.name + '!'", Scope)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ExpressionWithBraces_IsEvaluated()
    {
        Assert.Equal("Ada!", _evaluator.Evaluate("{{ trigger.name + '!' }}", Scope)!.GetValue<string>());
    }

    [Theory]
    [InlineData("plain", new[] { "T:plain" })]
    [InlineData("{{a}}", new[] { "E:a" })]
    [InlineData("x{{ a }}y{{b}}", new[] { "T:x", "E: a ", "T:y", "E:b" })]
    [InlineData("{{ {a:{b:1}} }}", new[] { "E: {a:{b:1}} " })]
    [InlineData("{{ \"}}\" }}!", new[] { "E: \"}}\" ", "T:!" })]
    [InlineData("{{ `a${ {x:1}.x }}}` }}", new[] { "E: `a${ {x:1}.x }}}` " })]
    [InlineData("a {{ b", new[] { "T:a {{ b" })]
    public void Parse_Template_SplitsSegments(string text, string[] expected)
    {
        var segments = TemplateParser.Parse(text).Select(s => (s.IsExpression ? "E:" : "T:") + s.Text);

        Assert.Equal(expected, segments);
    }
}
