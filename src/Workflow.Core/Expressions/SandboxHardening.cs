using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Workflow.Core.Expressions;

/// <summary>
/// Makes one engine's realm safe to reuse across evaluations: removes capabilities that outlive or escape an
/// evaluation, then deep-freezes every intrinsic reachable from the global object plus the hidden ones
/// (generator, iterator, typed-array prototypes…), and finally the global object itself. After this no
/// evaluation can change what the next one sees: <c>Object.prototype.x = 1</c>, <c>Array.prototype.map = …</c>
/// and <c>globalThis.x = 1</c> throw a <c>TypeError</c>; <c>x = 1</c> throws a <c>ReferenceError</c> (strict mode).
/// </summary>
/// <remarks>
/// Freezing prototypes triggers JavaScript's "override mistake": assigning <c>obj.toString = f</c> would fail
/// because the inherited property is read-only. For the properties real code assigns (<c>toString</c>,
/// <c>valueOf</c>, <c>constructor</c>, error <c>name</c>/<c>message</c>) the data property is turned into an
/// accessor whose setter defines an own property on the receiver, as SES/Hardened JavaScript does.
/// Runs in C# rather than as a script so that small statement limits cannot break engine creation.
/// </remarks>
internal static class SandboxHardening
{
    // Not needed by expressions, and each one outlives or escapes an evaluation: a new realm with unfrozen
    // intrinsics, GC-driven callbacks, cross-agent memory and blocking waits, proxies that run code on reads.
    // The async-only helpers go too, so that promises can only come from places ScriptAnalyzer sees.
    private static readonly string[] RemovedGlobals =
    [
        "ShadowRealm", "FinalizationRegistry", "WeakRef", "SharedArrayBuffer", "Atomics", "Proxy", "AsyncIterator",
        "AsyncDisposableStack",
    ];

    // Legacy RegExp statics (RegExp.$1, RegExp.input…) would carry the last match into the next evaluation.
    private static readonly string[] RegExpStatics = ["input", "lastMatch", "lastParen", "leftContext", "rightContext"];

    // Intrinsics that are not properties of any reachable object until something creates them.
    private static readonly string[] HiddenIntrinsics =
    [
        "Object.getPrototypeOf(function* () {})",
        "Object.getPrototypeOf(async function () {})",
        "Object.getPrototypeOf(async function* () {})",
        "Object.getPrototypeOf((function* () {})())",
        "Object.getPrototypeOf((async function* () {})())",
        "Object.getPrototypeOf([][Symbol.iterator]())",
        "Object.getPrototypeOf(new Map()[Symbol.iterator]())",
        "Object.getPrototypeOf(new Set()[Symbol.iterator]())",
        "Object.getPrototypeOf(''[Symbol.iterator]())",
        "Object.getPrototypeOf(/a/[Symbol.matchAll](''))",
        "Object.getPrototypeOf([].values().map(x => x))",
        "Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } }))",
        "Object.getPrototypeOf((async function* () {})().map(x => x))",
        "Object.getPrototypeOf(Int8Array)",
        "Object.getOwnPropertyDescriptor((function () { return arguments; })(), 'callee').get",
        "Object.getPrototypeOf(new Intl.Segmenter().segment(''))",
        "Object.getPrototypeOf(new Intl.Segmenter().segment('')[Symbol.iterator]())",
    ];

    private static readonly (string Path, string[] Keys)[] Overridable =
    [
        ("Object.prototype", ["constructor", "toString", "toLocaleString", "valueOf"]),
        ("Function.prototype", ["toString"]),
        ("Error.prototype", ["constructor", "name", "message", "toString"]),
        ("TypeError.prototype", ["constructor", "name", "message"]),
        ("RangeError.prototype", ["constructor", "name", "message"]),
        ("SyntaxError.prototype", ["constructor", "name", "message"]),
        ("ReferenceError.prototype", ["constructor", "name", "message"]),
        ("EvalError.prototype", ["constructor", "name", "message"]),
        ("URIError.prototype", ["constructor", "name", "message"]),
        ("AggregateError.prototype", ["constructor", "name", "message"]),
    ];

    /// <returns>The number of objects frozen.</returns>
    public static int Harden(Engine engine)
    {
        var global = engine.Global;
        foreach (var name in RemovedGlobals)
        {
            global.Delete(name);
        }

        ((ObjectInstance)global.Get("Array")).Delete("fromAsync");
        if (global.Get("Intl") is ObjectInstance intl)
        {
            intl.Delete("ListFormat"); // formats a list into one string with no length limit
        }

        RemoveRegExpStatics((ObjectInstance)global.Get("RegExp"));

        var roots = new List<ObjectInstance> { global };
        foreach (var probe in HiddenIntrinsics)
        {
            try
            {
                if (engine.Evaluate(probe) is ObjectInstance hidden)
                {
                    roots.Add(hidden);
                }
            }
            catch (JavaScriptException)
            {
                // Not supported by this Jint version: nothing to freeze.
            }
        }

        foreach (var (path, keys) in Overridable)
        {
            if (engine.Evaluate(path) is ObjectInstance target)
            {
                foreach (var key in keys)
                {
                    EnableOverride(engine, target, key);
                }
            }
        }

        return DeepFreeze(engine, roots);
    }

    private static void RemoveRegExpStatics(ObjectInstance regExp)
    {
        foreach (var key in regExp.GetOwnPropertyKeys(Types.String))
        {
            var name = key.ToString();
            if (name.StartsWith('$') || Array.IndexOf(RegExpStatics, name) >= 0)
            {
                regExp.Delete(key);
            }
        }
    }

    private static void EnableOverride(Engine engine, ObjectInstance target, string key)
    {
        var descriptor = target.GetOwnProperty(key);
        if (!descriptor.IsDataDescriptor() || !descriptor.Configurable)
        {
            return;
        }

        var value = descriptor.Value;
        var getter = new ClrFunction(engine, "get " + key, (_, _) => value, 0, PropertyFlag.Configurable);
        var setter = new ClrFunction(engine, "set " + key, (thisValue, args) =>
        {
            if (thisValue is not ObjectInstance receiver || ReferenceEquals(receiver, target)
                || !receiver.CreateDataProperty(key, SandboxGuards.Arg(args, 0)))
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, $"Cannot assign to read only property '{key}'");
            }

            return JsValue.Undefined;
        }, 1, PropertyFlag.Configurable);

        var accessor = new JsObject(engine);
        accessor.FastSetDataProperty("get", getter);
        accessor.FastSetDataProperty("set", setter);
        accessor.FastSetDataProperty("enumerable", descriptor.Enumerable);
        accessor.FastSetDataProperty("configurable", false);
        engine.Call(engine.Evaluate("Object.defineProperty"), JsValue.Undefined, [target, key, accessor]);
    }

    private static int DeepFreeze(Engine engine, List<ObjectInstance> roots)
    {
        var freeze = engine.Evaluate("Object.freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>(roots);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            foreach (var key in current.GetOwnPropertyKeys(Types.String | Types.Symbol))
            {
                var descriptor = current.GetOwnProperty(key);
                Push(pending, descriptor.IsAccessorDescriptor() ? descriptor.Get : descriptor.Value);
                Push(pending, descriptor.IsAccessorDescriptor() ? descriptor.Set : null);
            }

            // One host entry per object: constraints are reset on each, so no limit can cut hardening short.
            engine.Call(freeze, JsValue.Undefined, [current]);
        }

        return seen.Count;
    }

    private static void Push(Stack<ObjectInstance> pending, JsValue? value)
    {
        if (value is ObjectInstance obj)
        {
            pending.Push(obj);
        }
    }
}
