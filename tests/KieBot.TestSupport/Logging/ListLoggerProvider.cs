using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KieBot.TestSupport.Logging;

/// <summary>One rendered log event (message and exception text).</summary>
public sealed record LoggedEvent(string Category, LogLevel Level, string Message, string? Exception);

/// <summary>Keeps every log event in memory so tests can search them (for secrets, for expected warnings).</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEvent> events = new();

    public IReadOnlyList<LoggedEvent> Events => events.ToArray();

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, events);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, ConcurrentQueue<LoggedEvent> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue(new LoggedEvent(category, logLevel, formatter(state, exception), exception?.ToString()));
    }
}
