using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;

namespace Workflow.Core.Expressions;

/// <summary>
/// The JavaScript sandbox (Jint, strict mode) behind <c>{{ }}</c> templates, conditions and transform code.
/// </summary>
/// <remarks>
/// <para><b>Isolation.</b> Engines are pooled; each one's realm is hardened once at creation: no CLR interop,
/// no <c>eval</c>/<c>Function</c> from strings, no <c>Proxy</c>/<c>ShadowRealm</c>/<c>WeakRef</c>/
/// <c>FinalizationRegistry</c>/<c>Atomics</c>/<c>SharedArrayBuffer</c>/<c>Intl.ListFormat</c> and no async-only
/// helpers (promise jobs an evaluation queues run before it returns), and every intrinsic plus the global
/// object deep-frozen, so nothing one evaluation does (prototype pollution, new globals) is visible to the
/// next. Code is compiled once per engine as <c>function(trigger, vars, …)</c> and called with fresh values.</para>
/// <para><b>Limits</b> (<see cref="SandboxOptions"/>): time is one budget for the whole evaluation (call,
/// promise jobs, result conversion); statements and memory apply to each of those steps — memory is Jint's
/// allocation budget plus a check after the call, and string-building built-ins refuse results longer than a
/// quarter of the memory limit in characters; recursion depth and the native stack are guarded. Violations throw
/// <see cref="ExpressionException"/> with <c>expression_timeout</c>, <c>expression_statement_limit</c>,
/// <c>expression_memory_limit</c> or <c>expression_recursion_limit</c>; bad syntax gives
/// <c>expression_syntax</c>, anything the script throws gives <c>expression_error</c> whose message is the
/// thrown error's <c>message</c> (or the thrown value as a string).</para>
/// <para><b>Results</b> follow <c>JSON.stringify</c>: <c>undefined</c>, functions and symbols become null (and
/// are omitted inside objects), <c>NaN</c>/<c>Infinity</c> become null, dates become ISO strings. Dates are
/// UTC and the culture is invariant, whatever the host's settings.</para>
/// <para>Thread-safe; evaluations run on the caller's thread.</para>
/// </remarks>
public sealed class JintExpressionEvaluator : IExpressionEvaluator, IDisposable
{
    private const int ScriptCacheCapacity = 4096;
    private const int MaxTemplateDepth = 256;

    private readonly EnginePool _pool;
    private readonly ScriptCache _scripts;

    /// <summary>Creates an evaluator keeping up to two idle engines per processor.</summary>
    public JintExpressionEvaluator(SandboxOptions options)
        : this(options, Environment.ProcessorCount * 2)
    {
    }

    /// <summary>Creates an evaluator keeping at most <paramref name="maxPooledEngines"/> idle engines.</summary>
    public JintExpressionEvaluator(SandboxOptions options, int maxPooledEngines)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxStatements, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxMemoryBytes, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxRecursionDepth, 0);
        _pool = new EnginePool(options, maxPooledEngines);
        _scripts = new ScriptCache(options.Timeout, ScriptCacheCapacity);
    }

    /// <summary>Engines created so far; lets tests prove that two evaluations shared one engine.</summary>
    internal int EnginesCreated => _pool.Created;

    /// <inheritdoc />
    public JsonNode? Resolve(JsonNode? template, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Resolve(template, scope, 0);
    }

    /// <inheritdoc />
    public JsonNode? Evaluate(string expression, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        var code = TemplateParser.TryGetSingleExpression(expression, out var inner) ? inner : expression;
        return Execute(ScriptKind.Expression, code, scope, JsResultConverter.ToJsonNode, null);
    }

    /// <inheritdoc />
    public JsonNode? Run(string functionBody, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(functionBody);
        ArgumentNullException.ThrowIfNull(scope);
        return Execute(ScriptKind.FunctionBody, functionBody, scope, JsResultConverter.ToJsonNode, null);
    }

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    private JsonNode? Resolve(JsonNode? node, ExpressionScope scope, int depth)
    {
        if (depth > MaxTemplateDepth)
        {
            throw new ExpressionException(ExpressionErrorCodes.Error, $"Template is nested deeper than {MaxTemplateDepth} levels.");
        }

        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var resolvedObject = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    resolvedObject[key] = Resolve(value, scope, depth + 1);
                }

                return resolvedObject;
            case JsonArray array:
                var resolvedArray = new JsonArray();
                foreach (var item in array)
                {
                    resolvedArray.Add(Resolve(item, scope, depth + 1));
                }

                return resolvedArray;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && value.TryGetValue<string>(out var text) && TemplateParser.ContainsTemplate(text):
                return ResolveString(text, scope);
            case JsonValue value when value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array:
                // A JsonValue over a JsonElement or CLR object: resolve the strings inside it too.
                return Resolve(JsonNode.Parse(value.ToJsonString()), scope, depth + 1);
            default:
                return node.DeepClone();
        }
    }

    private JsonNode? ResolveString(string text, ExpressionScope scope)
    {
        if (TemplateParser.TryGetSingleExpression(text, out var code))
        {
            return Execute(ScriptKind.Expression, code, scope, JsResultConverter.ToJsonNode, null);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var segment in TemplateParser.Parse(text))
        {
            builder.Append(segment.IsExpression
                ? Execute(ScriptKind.Expression, segment.Text, scope, JsResultConverter.ToTemplateText, string.Empty)
                : segment.Text);
        }

        return JsonValue.Create(builder.ToString());
    }

    private T Execute<T>(ScriptKind kind, string code, ExpressionScope scope, Func<SandboxEngine, JsValue, T> convert, T empty)
    {
        var script = _scripts.Get(kind, code);
        script.ThrowIfFailed();
        if (script.IsEmpty)
        {
            return empty;
        }

        var mask = ScopeBinder.SelectParameters(script, scope);
        var engine = _pool.Rent();
        engine.BeginEvaluation();
        T result;
        Exception? failure = null;
        try
        {
            var function = engine.GetFunction(script, mask);
            var arguments = ScopeBinder.BindArguments(script, mask, scope, engine.Converter);
            result = convert(engine, engine.Invoke(function, arguments, script.MayQueueJobs));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Translated after the catch block: until it ends, the throwing frames still occupy the stack.
            failure = e;
            result = empty;
        }

        if (failure is null)
        {
            engine.EndEvaluation();
            _pool.Return(engine, reusable: true);
            return result;
        }

        var reusable = false;
        try
        {
            throw ErrorTranslator.Translate(failure, engine, out reusable);
        }
        finally
        {
            engine.EndEvaluation();
            _pool.Return(engine, reusable);
        }
    }
}
