using System.Runtime.CompilerServices;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Workflow.Core.Expressions;

/// <summary>
/// Replaces the built-ins that can build a huge string in one call — before Jint's per-statement memory
/// check gets a chance to run — with versions that refuse (<c>RangeError: Invalid string length</c>) to build
/// a string longer than <see cref="MaxLength"/>. Without them <c>'x'.repeat(5e8)</c> allocates a gigabyte and
/// <c>s.replace(/x/g, big)</c> several. The originals stay reachable only to these wrappers.
/// </summary>
/// <remarks>
/// Covered: <c>String.prototype.repeat/padStart/padEnd/concat/replace/replaceAll</c>, <c>String.raw</c>,
/// <c>Array.prototype.join</c> (and so <c>toString</c>), <c>JSON.stringify</c>. Template literals and the
/// remaining built-ins grow strings by small bounded factors and are left to the memory limit.
/// </remarks>
internal sealed class SandboxGuards
{
    private const int ConstraintCheckInterval = 1024;

    private readonly ErrorConstructor _rangeError;

    private SandboxGuards(Engine engine, int maxLength)
    {
        Engine = engine;
        MaxLength = maxLength;
        _rangeError = (ErrorConstructor)engine.Global.Get("RangeError");
    }

    public Engine Engine { get; }

    /// <summary>The longest string (in UTF-16 code units) a guarded built-in may produce.</summary>
    public int MaxLength { get; }

    public static void Install(Engine engine, long maxMemoryBytes)
    {
        var guards = new SandboxGuards(engine, (int)Math.Clamp(maxMemoryBytes / 4, 4096, 1L << 28));
        var stringConstructor = (ObjectInstance)engine.Global.Get("String");
        var stringPrototype = (ObjectInstance)stringConstructor.Get("prototype");
        var arrayPrototype = (ObjectInstance)((ObjectInstance)engine.Global.Get("Array")).Get("prototype");
        var json = (ObjectInstance)engine.Global.Get("JSON");

        guards.Wrap(stringPrototype, "repeat", 1, guards.Repeat);
        guards.Wrap(stringPrototype, "padStart", 1, guards.Pad);
        guards.Wrap(stringPrototype, "padEnd", 1, guards.Pad);
        guards.Wrap(stringPrototype, "concat", 1, (_, thisValue, args) => guards.Concat(thisValue, args));
        guards.Wrap(stringConstructor, "raw", 1, guards.Raw);
        var replace = new ReplaceGuard(guards);
        guards.Wrap(stringPrototype, "replace", 2, replace.Replace);
        guards.Wrap(stringPrototype, "replaceAll", 2, replace.Replace);
        var join = new JoinGuard(guards);
        guards.Wrap(arrayPrototype, "join", 1, join.Join);
        var stringify = new StringifyGuard(guards);
        guards.Wrap(json, "stringify", 3, stringify.Stringify);
    }

    public static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    public void CheckConstraints(long iteration)
    {
        if (iteration % ConstraintCheckInterval == ConstraintCheckInterval - 1)
        {
            Engine.Constraints.Check();
        }
    }

    public void EnsureLength(long length)
    {
        if (length > MaxLength)
        {
            throw new JavaScriptException(_rangeError, "Invalid string length");
        }
    }

    public void Append(StringBuilder builder, string text)
    {
        EnsureLength((long)builder.Length + text.Length);
        builder.Append(text);
    }

    /// <summary>Native recursion (arrays nested in arrays…) is not covered by Jint's stack guard.</summary>
    public void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JavaScriptException(_rangeError, "Maximum call stack size exceeded");
        }
    }

    private void Wrap(ObjectInstance target, string name, int length, Func<JsValue, JsValue, JsValue[], JsValue> guard)
    {
        var original = target.Get(name);
        var function = new ClrFunction(Engine, name, (thisValue, args) => guard(original, thisValue, args), length,
            PropertyFlag.Configurable);
        target.DefineOwnProperty(name, new PropertyDescriptor(function, writable: true, enumerable: false, configurable: true));
    }

    private JsValue Repeat(JsValue original, JsValue thisValue, JsValue[] args)
    {
        TypeConverter.RequireObjectCoercible(Engine, thisValue);
        var text = TypeConverter.ToString(thisValue);
        var count = TypeConverter.ToIntegerOrInfinity(Arg(args, 0));
        if (count > 0 && text.Length > 0)
        {
            EnsureLength((long)Math.Min(count * text.Length, long.MaxValue));
        }

        return Engine.Call(original, text, [count]);
    }

    private JsValue Pad(JsValue original, JsValue thisValue, JsValue[] args)
    {
        TypeConverter.RequireObjectCoercible(Engine, thisValue);
        var text = TypeConverter.ToString(thisValue);
        var targetLength = TypeConverter.ToLength(Arg(args, 0));
        if (targetLength > (ulong)text.Length)
        {
            EnsureLength((long)Math.Min(targetLength, long.MaxValue));
        }

        return Engine.Call(original, text, [(double)targetLength, Arg(args, 1)]);
    }

    private JsValue Concat(JsValue thisValue, JsValue[] args)
    {
        TypeConverter.RequireObjectCoercible(Engine, thisValue);
        var builder = new StringBuilder(TypeConverter.ToString(thisValue));
        foreach (var arg in args)
        {
            Append(builder, TypeConverter.ToString(arg));
        }

        return builder.ToString();
    }

    private JsValue Raw(JsValue original, JsValue thisValue, JsValue[] args)
    {
        // Anything unusual (primitives, missing raw) is left to the original, which throws the right TypeError.
        if (Arg(args, 0) is not ObjectInstance cooked || cooked.Get("raw") is not ObjectInstance raw)
        {
            return Engine.Call(original, thisValue, args);
        }

        var literalCount = TypeConverter.ToLength(raw.Get("length"));
        var builder = new StringBuilder();
        for (ulong i = 0; i < literalCount; i++)
        {
            Append(builder, TypeConverter.ToString(raw.Get(i)));
            if (i + 1 == literalCount)
            {
                break;
            }

            if (i + 1 < (ulong)args.Length)
            {
                Append(builder, TypeConverter.ToString(args[i + 1]));
            }

            CheckConstraints((long)i);
        }

        return builder.ToString();
    }
}
