using System.Collections.Concurrent;

namespace Workflow.Core.Expressions;

/// <summary>
/// Hands out hardened engines exclusively (Jint engines are not thread-safe). When every pooled engine is
/// busy a new one is created rather than waiting; at most <see cref="MaxRetained"/> idle engines are kept.
/// An engine that broke a limit is discarded instead of returned: its interpreter state is not trusted.
/// </summary>
internal sealed class EnginePool(SandboxOptions options, int maxRetained) : IDisposable
{
    private readonly ConcurrentBag<SandboxEngine> _idle = [];
    private int _idleCount;
    private int _created;

    public int MaxRetained { get; } = Math.Max(1, maxRetained);

    /// <summary>Engines created so far (hardening one costs milliseconds, so this should stay small).</summary>
    public int Created => Volatile.Read(ref _created);

    public SandboxEngine Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }

        Interlocked.Increment(ref _created);
        return new SandboxEngine(options);
    }

    public void Return(SandboxEngine engine, bool reusable)
    {
        if (reusable && Interlocked.Increment(ref _idleCount) <= MaxRetained)
        {
            _idle.Add(engine);
            return;
        }

        if (reusable)
        {
            Interlocked.Decrement(ref _idleCount);
        }

        engine.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }
}
