using System.Collections.Concurrent;

namespace Workflow.Core.Expressions;

/// <summary>
/// Compiled scripts keyed by kind and code text, shared by every engine. Bounded: when it is full it is
/// cleared and refills with what is in use (workflows reuse a small set of expressions, so this is rare
/// and cheaper than tracking recency on every hit). Syntax errors are cached too.
/// </summary>
internal sealed class ScriptCache(TimeSpan regexTimeout, int capacity)
{
    private readonly ConcurrentDictionary<(ScriptKind Kind, string Code), CompiledScript> _scripts = new();

    public CompiledScript Get(ScriptKind kind, string code)
    {
        if (_scripts.TryGetValue((kind, code), out var script))
        {
            return script;
        }

        if (_scripts.Count >= capacity)
        {
            _scripts.Clear();
        }

        return _scripts.GetOrAdd((kind, code), static (key, timeout) => ScriptCompiler.Compile(key.Kind, key.Code, timeout),
            regexTimeout);
    }
}
