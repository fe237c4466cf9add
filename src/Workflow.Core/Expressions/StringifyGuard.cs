using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Workflow.Core.Expressions;

/// <summary>
/// <c>JSON.stringify</c> that fails once its output would pass the length limit. A counting replacer sees
/// every value before it is written (shared references such as <c>Array(1000).fill(bigString)</c> are
/// counted each time) and estimates the text it produces, indentation included.
/// </summary>
/// <remarks>
/// A user replacer function keeps its exact semantics (it runs first). A replacer <em>array</em> is emulated
/// with a filter, so properties come out in the object's own order rather than the array's.
/// </remarks>
internal sealed class StringifyGuard(SandboxGuards guards)
{
    public JsValue Stringify(JsValue original, JsValue thisValue, JsValue[] args)
    {
        var replacer = SandboxGuards.Arg(args, 1);
        var space = SandboxGuards.Arg(args, 2);
        var counter = new Counter(guards, replacer, IndentLength(space));
        var counting = new ClrFunction(guards.Engine, string.Empty, counter.Visit, 2, default);
        return guards.Engine.Call(original, thisValue, [SandboxGuards.Arg(args, 0), counting, space]);
    }

    private static int IndentLength(JsValue space)
    {
        if (space.IsNumber())
        {
            return (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(space), 0, 10);
        }

        if (space.IsString())
        {
            return Math.Min(space.AsString().Length, 10);
        }

        // Number/String wrapper objects are unwrapped by JSON.stringify; assume the widest indent.
        return space is ObjectInstance ? 10 : 0;
    }

    private static long EscapedLength(string text)
    {
        long length = text.Length + 2;
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                length += 1;
            }
            else if (c < ' ')
            {
                length += 5;
            }
        }

        return length;
    }

    private sealed class Counter
    {
        private readonly SandboxGuards _guards;
        private readonly JsValue _userReplacer;
        private readonly HashSet<string>? _allowedKeys;
        private readonly int _indent;
        private readonly Dictionary<ObjectInstance, int> _depths = new(ReferenceEqualityComparer.Instance);
        private long _total;
        private bool _seenRoot;

        public Counter(SandboxGuards guards, JsValue replacer, int indent)
        {
            _guards = guards;
            _indent = indent;
            _userReplacer = replacer.IsCallable() ? replacer : JsValue.Undefined;
            if (!replacer.IsCallable() && JsValueExtensions.IsArray(replacer) && replacer is ObjectInstance list)
            {
                _allowedKeys = new HashSet<string>(StringComparer.Ordinal);
                var length = TypeConverter.ToLength(list.Get("length"));
                for (ulong i = 0; i < length; i++)
                {
                    var item = list.Get(i);
                    if (item.IsString() || item.IsNumber() || item is ObjectInstance)
                    {
                        _allowedKeys.Add(TypeConverter.ToString(item));
                    }

                    _guards.CheckConstraints((long)i);
                }
            }
        }

        public JsValue Visit(JsValue holder, JsValue[] args)
        {
            var key = TypeConverter.ToString(SandboxGuards.Arg(args, 0));
            var value = SandboxGuards.Arg(args, 1);
            var isRoot = !_seenRoot;
            _seenRoot = true;

            if (!_userReplacer.IsUndefined())
            {
                value = _guards.Engine.Call(_userReplacer, holder, [key, value]);
            }
            else if (_allowedKeys is not null && !isRoot && !JsValueExtensions.IsArray(holder) && !_allowedKeys.Contains(key))
            {
                return JsValue.Undefined;
            }

            var depth = isRoot || holder is not ObjectInstance parent ? 0 : _depths.GetValueOrDefault(parent) + 1;
            long cost = key.Length + 4 + (_indent > 0 ? (long)_indent * depth + 1 : 0);
            cost += value switch
            {
                _ when value.IsString() => EscapedLength(value.AsString()),
                _ when value.IsNumber() || value.IsBigInt() => 24,
                _ when value.IsBoolean() || value.IsNull() => 5,
                ObjectInstance obj when !value.IsCallable() => Track(obj, depth),
                _ => 0,
            };

            _total += cost;
            _guards.EnsureLength(_total);
            return value;
        }

        private long Track(ObjectInstance value, int depth)
        {
            _guards.EnsureStack();
            _depths[value] = depth;
            return 2;
        }
    }
}
