using System.Collections.Concurrent;
using System.Diagnostics;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line it is given, for tests that check what the appliance
/// logs. Add it to the control plane's logger factory: the data plane forwards its lines there.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<CapturedLogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new CapturedLogEntry(capture._clock.Elapsed, category, logLevel, eventId, formatter(state, exception), exception));
    }
}
