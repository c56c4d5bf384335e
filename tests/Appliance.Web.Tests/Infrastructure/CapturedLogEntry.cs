namespace Appliance.Web.Tests.Infrastructure;

/// <summary>One log line as a provider received it, with when it arrived.</summary>
public sealed record CapturedLogEntry(TimeSpan At, string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
