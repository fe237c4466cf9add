using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.Grains.Tests.Schedules;

/// <summary>
/// Keeps log lines of one test cluster with the silo that wrote them and when: everything the schedule triggers log
/// (the misfire decision, how many instants were missed under which policy, is only visible there) and every warning
/// or error of the other components (a SQLite file shared by several silos must not report failed writes).
/// </summary>
public sealed class ScheduleLogSink
{
    private readonly ConcurrentQueue<Line> _lines = new();

    /// <summary>Gets every line captured so far.</summary>
    public IReadOnlyCollection<Line> Lines => _lines;

    /// <summary>A logger provider for one silo, writing into this sink.</summary>
    public ILoggerProvider ProviderFor(string silo) => new Provider(this, silo);

    /// <summary>One formatted log line.</summary>
    public sealed record Line(DateTimeOffset At, string Silo, string Category, LogLevel Level, string Message);

    private sealed class Provider(ScheduleLogSink sink, string silo) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink, silo, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(ScheduleLogSink sink, string silo, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category.Contains("Schedule", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink._lines.Enqueue(new Line(DateTimeOffset.UtcNow, silo, category, logLevel, exception is null ? formatter(state, null) : $"{formatter(state, exception)} ({exception.GetType().Name}: {exception.Message})"));
            }
        }
    }
}
