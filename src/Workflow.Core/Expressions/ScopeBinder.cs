using System.Globalization;
using System.Text.Json.Nodes;
using Jint.Native;

namespace Workflow.Core.Expressions;

/// <summary>
/// Turns an <see cref="ExpressionScope"/> into the arguments of a compiled wrapper. Only names the code reads
/// become parameters, and only those values are converted; <see cref="ExpressionScope.Extra"/> shadows the
/// standard names. Values are copied as data (JSON → JS values): nothing in them is ever evaluated.
/// </summary>
/// <remarks>
/// Absent values: <c>trigger</c>, <c>item</c> and <c>execution</c> are <c>null</c>, <c>vars</c> and
/// <c>nodes</c> are empty objects, <c>index</c> is <c>undefined</c>.
/// </remarks>
internal static class ScopeBinder
{
    public const string Trigger = "trigger";
    public const string Vars = "vars";
    public const string Nodes = "nodes";
    public const string Item = "item";
    public const string Index = "index";
    public const string Execution = "execution";

    public static bool IsStandardName(string name)
        => name is Trigger or Vars or Nodes or Item or Index or Execution;

    /// <summary>Which of the script's roots the scope provides (bit i = <c>Roots[i]</c>).</summary>
    public static ulong SelectParameters(CompiledScript script, ExpressionScope scope)
    {
        var roots = script.Roots;
        var extra = scope.Extra;
        ulong mask = 0;
        for (var i = 0; i < roots.Length; i++)
        {
            if (IsStandardName(roots[i]) || (extra is not null && extra.ContainsKey(roots[i])))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    public static JsValue[] BindArguments(CompiledScript script, ulong mask, ExpressionScope scope, JsonToJsConverter converter)
    {
        if (mask == 0)
        {
            return [];
        }

        var arguments = new JsValue[ulong.PopCount(mask)];
        var next = 0;
        for (var i = 0; i < script.Roots.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                arguments[next++] = Resolve(script, script.Roots[i], scope, converter);
            }
        }

        return arguments;
    }

    private static JsValue Resolve(CompiledScript script, string name, ExpressionScope scope, JsonToJsConverter converter)
    {
        if (scope.Extra is not null && scope.Extra.TryGetValue(name, out var extra))
        {
            return converter.Convert(extra);
        }

        return name switch
        {
            Trigger => converter.Convert(scope.Trigger),
            Vars => scope.Vars is null ? converter.NewObject() : converter.Convert(scope.Vars),
            Nodes => BindNodes(script.NodeIds, scope.NodeOutputs, converter),
            Item => converter.Convert(scope.Item),
            Index => scope.Index is { } index ? JsNumber.Create(index) : JsValue.Undefined,
            Execution => BindExecution(scope.Execution, converter),
            _ => JsValue.Undefined,
        };
    }

    private static JsValue BindNodes(string[]? ids, IReadOnlyDictionary<string, JsonNode?>? outputs, JsonToJsConverter converter)
    {
        var nodes = converter.NewObject();
        if (outputs is null)
        {
            return nodes;
        }

        if (ids is null)
        {
            foreach (var (id, output) in outputs)
            {
                nodes.FastSetDataProperty(id, NodeEntry(output, converter));
            }
        }
        else
        {
            foreach (var id in ids)
            {
                if (outputs.TryGetValue(id, out var output))
                {
                    nodes.FastSetDataProperty(id, NodeEntry(output, converter));
                }
            }
        }

        return nodes;
    }

    private static JsValue NodeEntry(JsonNode? output, JsonToJsConverter converter)
    {
        var entry = converter.NewObject();
        entry.FastSetDataProperty("output", converter.Convert(output));
        return entry;
    }

    private static JsValue BindExecution(ExecutionInfo? execution, JsonToJsConverter converter)
    {
        if (execution is null)
        {
            return JsValue.Null;
        }

        var value = converter.NewObject();
        value.FastSetDataProperty("id", execution.Id);
        value.FastSetDataProperty("workflowId", execution.WorkflowId.ToString("D"));
        value.FastSetDataProperty("startedAt", FormatIso(execution.StartedAt));
        return value;
    }

    /// <summary>The format of JavaScript's <c>Date.prototype.toISOString</c>.</summary>
    public static string FormatIso(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
