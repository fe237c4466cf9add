using System.Text.Json.Nodes;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

public sealed class JintExpressionEvaluatorScopeTests : IDisposable
{
    private static readonly Guid WorkflowId = Guid.Parse("9b1d2f7e-0000-4000-8000-000000000001");

    private readonly JintExpressionEvaluator _evaluator = new(new SandboxOptions());

    public void Dispose() => _evaluator.Dispose();

    private static ExpressionScope FullScope() => new()
    {
        Trigger = JsonNode.Parse("""{"body": {"amount": 1500}, "label": "{{ 1 + 1 }}"}"""),
        Vars = new JsonObject { ["threshold"] = 1000, ["name"] = "inv" },
        NodeOutputs = new Dictionary<string, JsonNode?>
        {
            ["fetch"] = JsonNode.Parse("""{"status": 200, "items": [1, 2]}"""),
            ["big-step"] = JsonValue.Create("dashed"),
            ["nothing"] = null,
        },
        Item = JsonNode.Parse("""{"sku": "A1"}"""),
        Index = 3,
        Execution = new ExecutionInfo("exec-1", WorkflowId, new DateTimeOffset(2024, 5, 6, 7, 8, 9, 10, TimeSpan.FromHours(2))),
    };

    [Fact]
    public void Evaluate_Trigger_ReadsTriggerData()
    {
        Assert.True(_evaluator.Evaluate("trigger.body.amount > vars.threshold", FullScope())!.GetValue<bool>());
    }

    [Fact]
    public void Evaluate_Vars_ReadsVariables()
    {
        Assert.Equal("inv", _evaluator.Evaluate("vars.name", FullScope())!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_NodeOutput_ReadsOutputById()
    {
        Assert.Equal(2, _evaluator.Evaluate("nodes.fetch.output.items.length", FullScope())!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_NodeIdWithDash_ReadsOutputByComputedName()
    {
        Assert.Equal("dashed", _evaluator.Evaluate("nodes['big-step'].output", FullScope())!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_NodesUsedDynamically_SeesEveryNode()
    {
        var result = _evaluator.Evaluate("Object.keys(nodes).sort().join(',')", FullScope());

        Assert.Equal("big-step,fetch,nothing", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_NodeWithNullOutput_HasNullOutput()
    {
        Assert.True(_evaluator.Evaluate("nodes.nothing.output === null", FullScope())!.GetValue<bool>());
    }

    [Fact]
    public void Evaluate_LoopItemAndIndex_AreVisible()
    {
        Assert.Equal("A1#3", _evaluator.Evaluate("item.sku + '#' + index", FullScope())!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_OutsideLoop_IndexIsUndefinedAndItemNull()
    {
        var result = _evaluator.Evaluate("[typeof index, item]", ExpressionScope.Empty);

        Assert.Equal("""["undefined",null]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_EmptyScope_VarsAndNodesAreEmptyObjects()
    {
        Assert.Equal("[0,0]", _evaluator.Evaluate("[Object.keys(vars).length, Object.keys(nodes).length]", ExpressionScope.Empty)!
            .ToJsonString());
    }

    [Fact]
    public void Evaluate_Execution_ExposesIdWorkflowIdAndIsoStart()
    {
        var result = _evaluator.Evaluate("execution", FullScope());

        Assert.Equal("""{"id":"exec-1","workflowId":"9b1d2f7e-0000-4000-8000-000000000001","startedAt":"2024-05-06T05:08:09.010Z"}""",
            result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ExecutionStart_ParsesAsDate()
    {
        Assert.Equal(2024, _evaluator.Evaluate("new Date(execution.startedAt).getUTCFullYear()", FullScope())!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_ExtraName_ShadowsStandardName()
    {
        var scope = FullScope().With("item", JsonValue.Create("from extra"));

        Assert.Equal("from extra", _evaluator.Evaluate("item", scope)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ExtraName_AddsNewName()
    {
        var scope = FullScope().With("acc", JsonValue.Create(10)).With("value", JsonValue.Create(5));

        Assert.Equal(15, _evaluator.Evaluate("acc + value", scope)!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_SameExpressionWithAndWithoutExtra_UsesEachScope()
    {
        var plain = FullScope();
        var shadowed = plain.With("trigger", JsonValue.Create("shadow"));

        Assert.Equal("object", _evaluator.Evaluate("typeof trigger", plain)!.GetValue<string>());
        Assert.Equal("string", _evaluator.Evaluate("typeof trigger", shadowed)!.GetValue<string>());
        Assert.Equal("object", _evaluator.Evaluate("typeof trigger", plain)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ExtraNameShadowingAGlobal_WinsOverTheGlobal()
    {
        var scope = ExpressionScope.Empty.With("Math", JsonValue.Create(7));

        Assert.Equal(7, _evaluator.Evaluate("Math", scope)!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_UnknownName_ThrowsReferenceError()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("notInScope + 1", FullScope()));

        Assert.Equal("expression_error", error.Code);
        Assert.Equal("notInScope is not defined", error.Message);
    }

    [Fact]
    public void Evaluate_TemplateLookingData_IsReturnedLiterallyNotEvaluated()
    {
        Assert.Equal("{{ 1 + 1 }}", _evaluator.Evaluate("trigger.label", FullScope())!.GetValue<string>());
    }

    [Fact]
    public void Resolve_TemplateReadingTemplateLookingData_DoesNotEvaluateTheData()
    {
        var result = _evaluator.Resolve(JsonValue.Create("{{ trigger.label }}"), FullScope());

        Assert.Equal("{{ 1 + 1 }}", result!.GetValue<string>());
    }

    [Fact]
    public void Resolve_SplicedTemplateLookingData_StaysLiteral()
    {
        var result = _evaluator.Resolve(JsonValue.Create("label: {{ trigger.label }}"), FullScope());

        Assert.Equal("label: {{ 1 + 1 }}", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_DataWithProtoKey_IsAnOwnPropertyNotAPrototype()
    {
        var scope = new ExpressionScope { Trigger = JsonNode.Parse("""{"__proto__": {"polluted": true}}""") };

        var result = _evaluator.Evaluate("[trigger.polluted === undefined, ({}).polluted === undefined, typeof trigger['__proto__']]", scope);

        Assert.Equal("""[true,true,"object"]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ScriptMutatingScopeData_DoesNotChangeTheHostNodes()
    {
        var scope = FullScope();

        _evaluator.Evaluate("(trigger.body.amount = 1, vars.threshold = 2, nodes.fetch.output.items.push(3))", scope);

        Assert.Equal(1500, scope.Trigger!["body"]!["amount"]!.GetValue<int>());
        Assert.Equal(1000, scope.Vars!["threshold"]!.GetValue<int>());
        Assert.Equal(2, scope.NodeOutputs!["fetch"]!["items"]!.AsArray().Count);
    }

    [Fact]
    public void Evaluate_ClrBackedJsonValues_AreConverted()
    {
        var scope = new ExpressionScope
        {
            Trigger = new JsonObject
            {
                ["i"] = 1, ["l"] = 2L, ["d"] = 1.5, ["m"] = 2.5m, ["b"] = (byte)3, ["g"] = Guid.Empty, ["s"] = "x",
            },
        };

        var result = _evaluator.Evaluate("[trigger.i + trigger.l + trigger.b, trigger.d + trigger.m, trigger.g.length, trigger.s]", scope);

        Assert.Equal("""[6,4,36,"x"]""", result!.ToJsonString());
    }
}
