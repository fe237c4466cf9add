using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Workflow.Core.Expressions;

/// <summary>
/// <c>Array.prototype.join</c> (and through it <c>toString</c>) with a length limit checked on every append,
/// cycle detection (<c>a = [1]; a.push(a); a.join()</c> gives <c>"1,"</c>, as in browsers) and a native
/// stack probe for deeply nested arrays.
/// </summary>
internal sealed class JoinGuard(SandboxGuards guards)
{
    // Arrays currently being joined on this engine (an engine runs on one thread at a time).
    private readonly HashSet<ObjectInstance> _active = new(ReferenceEqualityComparer.Instance);

    public JsValue Join(JsValue original, JsValue thisValue, JsValue[] args)
    {
        guards.EnsureStack();
        if (thisValue is not ObjectInstance target)
        {
            return JoinPrimitive(original, thisValue, args);
        }

        var length = TypeConverter.ToLength(target.Get("length"));
        var separatorArg = SandboxGuards.Arg(args, 0);
        var separator = separatorArg.IsUndefined() ? "," : TypeConverter.ToString(separatorArg);
        if (length == 0)
        {
            return JsString.Empty;
        }

        guards.EnsureLength((long)Math.Min((length - 1) * (double)separator.Length, long.MaxValue));
        if (!_active.Add(target))
        {
            return JsString.Empty;
        }

        try
        {
            var builder = new StringBuilder();
            for (ulong k = 0; k < length; k++)
            {
                if (k > 0)
                {
                    guards.Append(builder, separator);
                }

                var element = target.Get(k);
                if (!element.IsNull() && !element.IsUndefined())
                {
                    guards.Append(builder, TypeConverter.ToString(element));
                }

                guards.CheckConstraints((long)k);
            }

            return builder.ToString();
        }
        finally
        {
            _active.Remove(target);
        }
    }

    /// <summary><c>Array.prototype.join.call("abc", sep)</c>: each code unit is an element.</summary>
    private JsValue JoinPrimitive(JsValue original, JsValue thisValue, JsValue[] args)
    {
        if (thisValue.IsString())
        {
            var separatorArg = SandboxGuards.Arg(args, 0);
            var separatorLength = separatorArg.IsUndefined() ? 1 : TypeConverter.ToString(separatorArg).Length;
            var length = thisValue.AsString().Length;
            guards.EnsureLength(length + (long)Math.Max(length - 1, 0) * separatorLength);
        }

        return guards.Engine.Call(original, thisValue, args);
    }
}
