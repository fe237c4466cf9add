using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Tests.Credentials;

/// <summary>Keeps every formatted log line (and exception) of the silos it is added to, for "no secret in logs" checks.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Captured = new();

    /// <summary>Gets every line captured so far, by any silo in this test run.</summary>
    public static IReadOnlyCollection<string> Lines => Captured;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Captured.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
