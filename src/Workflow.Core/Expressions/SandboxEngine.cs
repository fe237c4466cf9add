using System.Globalization;
using System.Runtime.ExceptionServices;
using Acornima.Ast;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Runtime;

namespace Workflow.Core.Expressions;

/// <summary>
/// One hardened Jint engine plus the wrapper functions it has compiled. Used by one thread at a time
/// (the pool hands it out exclusively). Time is one budget per evaluation, bracketed by
/// <see cref="BeginEvaluation"/>/<see cref="EndEvaluation"/> and covering every step (compiling, the call,
/// promise jobs, result conversion); statement and memory budgets apply to each step, because Jint resets
/// them on every top-level entry.
/// </summary>
internal sealed class SandboxEngine : IDisposable
{
    private const int MaxCachedFunctions = 1024;

    // Evaluating any script drains the job queue (promise reactions) inside the engine's constraints.
    private static readonly Prepared<Script> DrainJobs = Engine.PrepareScript("void 0", strict: true);

    private const string DescribeErrorSource = """
        (function (e) {
          try {
            if (e !== null && typeof e === 'object' && 'message' in e) {
              return [String(e.name ?? 'Error'), String(e.message)];
            }
            return ['', String(e)];
          } catch {
            return ['', 'The script threw a value that cannot be displayed.'];
          }
        })
        """;

    private readonly Engine _engine;
    private readonly long _memoryLimit;
    private readonly TimeSpan _timeout;
    private readonly OperationDeadlineConstraint _deadline = new();
    private readonly Dictionary<(CompiledScript Script, ulong Mask), JsValue> _functions = [];
    private readonly JsValue _stringify;
    private readonly JsValue _describeError;

    public SandboxEngine(SandboxOptions options)
    {
        _memoryLimit = options.MaxMemoryBytes;
        _timeout = options.Timeout;
        _engine = new Engine(o =>
        {
            o.Strict = true;
            o.DisableStringCompilation();
            o.Interop.Enabled = false;
            o.Constraint(_deadline);
            o.MaxStatements(options.MaxStatements);
            o.LimitMemory(options.MaxMemoryBytes);
            o.LimitRecursion(options.MaxRecursionDepth);
            o.MaxArraySize((uint)Math.Clamp(options.MaxMemoryBytes / 8, 1024, uint.MaxValue));
            o.Constraints.StackOverflowGuard = true;
            o.Constraints.RegexTimeout = options.Timeout;
            o.Constraints.PromiseTimeout = options.Timeout;
            o.Culture = CultureInfo.InvariantCulture;
            o.TimeZone = TimeZoneInfo.Utc;
        });
        SandboxGuards.Install(_engine, options.MaxMemoryBytes);
        SandboxHardening.Harden(_engine);
        _stringify = _engine.Evaluate("JSON.stringify");
        _describeError = _engine.Evaluate(DescribeErrorSource);
        Converter = new JsonToJsConverter(_engine);
    }

    public JsonToJsConverter Converter { get; }

    /// <summary>Starts the evaluation's time budget; everything until <see cref="EndEvaluation"/> shares it.</summary>
    public void BeginEvaluation() => _deadline.Begin(_timeout);

    public void EndEvaluation() => _deadline.End();

    /// <summary>The compiled wrapper for a script and parameter selection, evaluated once per engine.</summary>
    public JsValue GetFunction(CompiledScript script, ulong mask)
    {
        if (_functions.TryGetValue((script, mask), out var function))
        {
            return function;
        }

        if (_functions.Count >= MaxCachedFunctions)
        {
            _functions.Clear();
        }

        function = _engine.Evaluate(script.GetVariant(mask));
        _functions[(script, mask)] = function;
        return function;
    }

    /// <summary>
    /// Calls a wrapper. When <paramref name="drainJobs"/> is set, promise jobs it queued run before this
    /// returns, within the limits (evaluating any script drains the job queue; a bare call does not).
    /// </summary>
    public JsValue Invoke(JsValue function, JsValue[] arguments, bool drainJobs) => Guarded(function, arguments, drainJobs);

    /// <summary>JSON text of a result, computed inside the sandbox (getters, <c>toJSON</c>, limits apply).</summary>
    public JsValue Stringify(JsValue value) => Guarded(_stringify, [value], drainJobs: true);

    /// <summary>
    /// Name and message of a thrown value, read inside the sandbox: a thrown object may have getters or a
    /// <c>toString</c>, and those must run under the limits, never on the host side.
    /// </summary>
    public (string Name, string Message) DescribeError(JsValue thrown, string fallback)
    {
        try
        {
            if (Guarded(_describeError, [thrown], drainJobs: true) is JsArray parts)
            {
                return (parts.Get(0).ToString(), parts.Get(1).ToString());
            }
        }
        catch (Exception e) when (e is JintException or ExpressionException or TimeoutException)
        {
            // Fall through: describing the error broke a limit itself.
        }

        return (string.Empty, fallback);
    }

    public void Dispose() => _engine.Dispose();

    private JsValue Guarded(JsValue function, JsValue[] arguments, bool drainJobs)
    {
        // Jint checks memory between statements; a single built-in call that allocates a lot is caught here.
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        JsValue result;
        ExceptionDispatchInfo? scriptError = null;
        try
        {
            result = _engine.Call(function, JsValue.Undefined, arguments);
        }
        catch (JavaScriptException e)
        {
            // Handled below, not here: a catch block still runs on the stack of the throwing frames, which
            // after a stack-overflow RangeError has no room left for more script.
            scriptError = ExceptionDispatchInfo.Capture(e);
            result = JsValue.Undefined;
        }

        // A script error leaves the engine usable, but jobs queued before the throw must not leak into the
        // next evaluation. After a limit violation the engine is discarded instead (see the pool).
        if (drainJobs)
        {
            _engine.Evaluate(DrainJobs);
        }

        scriptError?.Throw();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > _memoryLimit)
        {
            throw new ExpressionException(ExpressionErrorCodes.MemoryLimit,
                $"Expression allocated {allocated} bytes; the limit is {_memoryLimit}.");
        }

        return result;
    }
}
